;;; byline.el --- Byline, a checker for news drafts, through Eglot  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, wp, tools
;; URL: https://example.invalid/byline

;;; Commentary:

;; Byline reads news drafts and reports what a copy desk would catch: a
;; quote nobody said, a name spelled two ways, a surname before the person
;; was introduced.  This package starts its language server, `byline lsp',
;; through Eglot for `text-mode' and `markdown-mode' buffers.
;;
;;   (require 'byline)
;;   (byline-setup)        ; start Byline in every text and Markdown buffer
;;
;; or, to start it by hand in one buffer: M-x eglot.  Diagnostics appear
;; through Flymake, hovers through ElDoc, the outline through imenu.
;;
;; Settings (M-x customize-group RET byline): the rules and their
;; severities, the newsroom's names list, allowed acronyms and the maximum
;; document size.  They are sent as initializationOptions when the server
;; starts and again, as workspace/didChangeConfiguration, when changed
;; through Customize or with M-x byline-send-settings.  Settings left
;; alone come from the project's .byline.json.
;;
;; Works with Emacs 28 + eglot 1.9 (Debian 12's elpa-eglot) and with the
;; eglot built into Emacs 29 and later.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'subr-x)

(defgroup byline nil
  "Byline: checks news drafts (quotes, attribution, names) via its language server."
  :group 'tools
  :prefix "byline-"
  :link '(url-link "https://example.invalid/byline/docs/editors.md"))

(defun byline--set-and-send (symbol value)
  "Set SYMBOL to VALUE and send the new settings to running servers."
  (set-default symbol value)
  (when (fboundp 'byline-send-settings)
    (ignore-errors (byline-send-settings))))

(defcustom byline-server-command '("byline" "lsp")
  "The command that starts the Byline language server, program first.
A program without a slash is looked up in `exec-path'."
  :type '(repeat string))

(defconst byline--severity-type
  '(choice (const :tag "Off" "off") (const :tag "Error" "error")
           (const :tag "Warning" "warning") (const :tag "Information" "information")
           (const :tag "Hint" "hint")))

(defcustom byline-rules nil
  "Rule severities: an alist of (RULE-ID . SEVERITY).
RULE-ID is a string such as \"quote.unattributed\" (docs/rules.md);
SEVERITY is \"off\", \"error\", \"warning\", \"information\" or \"hint\".
Rules not listed keep the severity of .byline.json or their default."
  :type `(alist :key-type (string :tag "Rule id") :value-type ,byline--severity-type)
  :set #'byline--set-and-send)

(defcustom byline-house-names nil
  "The newsroom's names list: canonical spellings, or a file with one a line.
nil leaves the list of .byline.json in force."
  :type '(choice (const :tag "From .byline.json" nil)
                 (repeat :tag "Names" string)
                 (file :tag "File with one name a line"))
  :set #'byline--set-and-send)

(defcustom byline-allowed-acronyms nil
  "Acronyms that need no spelling out, or a file with one a line.
nil leaves the list of .byline.json in force."
  :type '(choice (const :tag "From .byline.json" nil)
                 (repeat :tag "Acronyms" string)
                 (file :tag "File with one acronym a line"))
  :set #'byline--set-and-send)

(defcustom byline-max-document-size nil
  "Documents larger than this many bytes are not analysed.
nil: the server's default (50 MB) or .byline.json."
  :type '(choice (const :tag "Default" nil) (integer :tag "Bytes"))
  :set #'byline--set-and-send)

(defcustom byline-major-modes
  '((text-mode . "plaintext") (markdown-mode . "markdown") (gfm-mode . "markdown"))
  "Major modes Byline checks, each with the LSP language id it sends.
Only buffers whose major mode is exactly one of these are started by
`byline-setup' (modes derived from `text-mode', such as `org-mode', are not).
Changes take effect through `byline-register' (called by `byline-setup')."
  :type '(alist :key-type (symbol :tag "Major mode") :value-type (string :tag "Language id")))

;;; Settings

(defun byline--list-value (value)
  "VALUE (a list of strings or a file name) as JSON: a vector or a path."
  (if (stringp value) (expand-file-name value) (vconcat value)))

(defun byline-settings ()
  "The settings sent to the server, as a hash table for JSON.
Only the options that are set (non-nil) are included, e.g.
{\"rules\": {\"quote.unattributed\": \"error\"}, \"names\": {\"house\": [...]}}."
  (let ((settings (make-hash-table :test #'equal)))
    (when byline-rules
      (let ((rules (make-hash-table :test #'equal)))
        (dolist (r byline-rules) (puthash (format "%s" (car r)) (cdr r) rules))
        (puthash "rules" rules settings)))
    (when byline-house-names
      (let ((names (make-hash-table :test #'equal)))
        (puthash "house" (byline--list-value byline-house-names) names)
        (puthash "names" names settings)))
    (when byline-allowed-acronyms
      (let ((acronyms (make-hash-table :test #'equal)))
        (puthash "allowList" (byline--list-value byline-allowed-acronyms) acronyms)
        (puthash "acronyms" acronyms settings)))
    (when byline-max-document-size
      (puthash "maxDocumentSize" byline-max-document-size settings))
    settings))

;;; The server class: Byline's own settings, whatever else
;;; `eglot-workspace-configuration' holds for other servers.

(defclass byline-eglot-server (eglot-lsp-server) ()
  :documentation "An Eglot connection to the Byline language server.")

(cl-defmethod eglot-initialization-options ((_server byline-eglot-server))
  "Byline's settings as initializationOptions."
  (byline-settings))

(cl-defmethod eglot-handle-request
  ((_server byline-eglot-server) (_method (eql workspace/configuration)) &key items)
  "Answer the server's workspace/configuration request for section \"byline\"."
  (apply #'vector
         (mapcar (lambda (item)
                   (let ((section (plist-get item :section)))
                     (if (member section '(nil "" "byline"))
                         (byline-settings)
                       nil)))
                 items)))

(defun byline--servers ()
  "The live Byline servers."
  (let (servers)
    (maphash (lambda (_project list)
               (dolist (s list)
                 (when (and (cl-typep s 'byline-eglot-server) (jsonrpc-running-p s))
                   (push s servers))))
             eglot--servers-by-project)
    servers))

(defun byline--notify-settings (server)
  "Send the settings to SERVER as workspace/didChangeConfiguration."
  (when (cl-typep server 'byline-eglot-server)
    (let ((settings (make-hash-table :test #'equal)))
      (puthash "byline" (byline-settings) settings)
      (jsonrpc-notify server :workspace/didChangeConfiguration (list :settings settings)))))

;; Eglot sends `eglot-workspace-configuration' on connect; Byline's own
;; settings follow it, so they win.
(add-hook 'eglot-connect-hook #'byline--notify-settings 'append)

(defun byline-send-settings ()
  "Send the current `byline' settings to every running Byline server."
  (interactive)
  (let ((servers (byline--servers)))
    (mapc #'byline--notify-settings servers)
    (when (called-interactively-p 'interactive)
      (message "Byline: settings sent to %d server%s" (length servers)
               (if (= (length servers) 1) "" "s")))))

;;; Registration with Eglot

(defun byline--contact (&optional _interactive)
  "The Eglot contact for Byline: its class and command, or a clear error."
  (let* ((program (car byline-server-command))
         (found (and program (executable-find program))))
    (unless found
      (user-error "Byline: cannot start the language server: %s %s; set `byline-server-command'"
                  (or program "(no program)")
                  (if (and program (file-name-absolute-p program))
                      "does not exist or is not executable"
                    (format "is not on exec-path (%s)" (string-join exec-path ":")))))
    (cons 'byline-eglot-server (cons found (cdr byline-server-command)))))

(defun byline--mode-spec (modes)
  "Eglot's (MODE :language-id ID) list for the (MODE . ID) pairs MODES."
  (mapcar (lambda (m) (list (car m) :language-id (cdr m))) modes))

(defun byline--per-buffer-language-ids-p ()
  "Non-nil when this Eglot sends a language id per buffer (eglot >= 1.16).
eglot 1.9 keeps one language id per server."
  (fboundp 'eglot--languageId))

(defun byline--entries ()
  "The `eglot-server-programs' entries for `byline-major-modes'.
With eglot >= 1.16: one entry, one server for all the modes.  With eglot
1.9, which keeps one language id per server: one entry per language id,
Markdown first, because `markdown-mode' derives from `text-mode' and
Eglot takes the first entry that matches."
  (if (byline--per-buffer-language-ids-p)
      (list (cons (byline--mode-spec byline-major-modes) #'byline--contact))
    (let (by-id)
      (dolist (m byline-major-modes)
        (let ((cell (assoc (cdr m) by-id)))
          (if cell (setcdr cell (append (cdr cell) (list m)))
            (push (list (cdr m) m) by-id))))
      (setq by-id (sort (nreverse by-id)
                        (lambda (a b) (and (not (equal (car a) "plaintext"))
                                           (equal (car b) "plaintext")))))
      (mapcar (lambda (group) (cons (byline--mode-spec (cdr group)) #'byline--contact))
              by-id))))

(defun byline--mode-depth (mode)
  "How many parents MODE has (`markdown-mode' 1, `gfm-mode' 2, `text-mode' 0)."
  (let ((n 0))
    (while (and (symbolp mode) (setq mode (get mode 'derived-mode-parent)))
      (cl-incf n))
    n))

;; eglot >= 1.16 gives a buffer the language id of the first of the server's
;; modes that the buffer's mode derives from, with the mode that started the
;; server first: a Markdown buffer would get "plaintext" from `text-mode'.
;; Byline's servers list their modes most derived first.
(when (and (byline--per-buffer-language-ids-p) (fboundp 'eglot--languages))
  (cl-defmethod eglot--languages :around ((_server byline-eglot-server))
    (sort (copy-sequence (cl-call-next-method))
          (lambda (a b) (> (byline--mode-depth (car a)) (byline--mode-depth (car b)))))))

(defun byline--entry-p (entry)
  "Non-nil when ENTRY of `eglot-server-programs' is one of Byline's."
  (eq (cdr-safe entry) #'byline--contact))

;;;###autoload
(defun byline-register ()
  "Put Byline first in `eglot-server-programs' for `byline-major-modes'."
  (interactive)
  (setq eglot-server-programs
        (append (byline--entries) (cl-remove-if #'byline--entry-p eglot-server-programs))))

(defun byline-ensure ()
  "Start Byline for this buffer when its major mode is one of `byline-major-modes'."
  (when (and buffer-file-name (assq major-mode byline-major-modes))
    (eglot-ensure)))

;;;###autoload
(defun byline-setup ()
  "Register Byline with Eglot and start it in the buffers of `byline-major-modes'."
  (interactive)
  (byline-register)
  (dolist (m byline-major-modes)
    (add-hook (intern (format "%s-hook" (car m))) #'byline-ensure)))

;;; Commands

(defun byline-restart ()
  "Restart every Byline server (and start one here if this buffer wants it).
The server command and settings are read afresh."
  (interactive)
  (let ((buffers (delete-dups
                  (append (cl-mapcan (lambda (s) (copy-sequence (eglot--managed-buffers s)))
                                     (byline--servers))
                          (and (assq major-mode byline-major-modes) buffer-file-name
                               (list (current-buffer)))))))
    (dolist (s (byline--servers))
      (ignore-errors (eglot-shutdown s)))
    (dolist (b buffers)
      (when (buffer-live-p b)
        (with-current-buffer b
          (unless (eglot-current-server)
            (apply #'eglot (eglot--guess-contact))))))
    (message "Byline: %d server%s running" (length (byline--servers))
             (if (= (length (byline--servers)) 1) "" "s"))))

(defun byline-stop ()
  "Stop every Byline server."
  (interactive)
  (dolist (s (byline--servers))
    (with-demoted-errors "Byline: %S" (eglot-shutdown s))))

(defun byline-show-log ()
  "Show the messages exchanged with this buffer's Byline server."
  (interactive)
  (let ((server (eglot-current-server)))
    (unless (cl-typep server 'byline-eglot-server)
      (user-error "Byline: no Byline server for this buffer"))
    (eglot-events-buffer server)))

(defun byline-outline ()
  "Jump to a person, organization or quote of the draft (imenu)."
  (interactive)
  (call-interactively #'imenu))

;; Registering only adds Byline to `eglot-server-programs'; nothing starts
;; until `byline-setup', `eglot-ensure' or M-x eglot.
(byline-register)

(provide 'byline)
;;; byline.el ends here
