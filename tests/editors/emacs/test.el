;;; test.el --- end-to-end test of editors/emacs/byline.el through Eglot  -*- lexical-binding: t -*-
;;
;; Emacs 28 + elpa-eglot 1.9 (Debian 12), or Emacs 29+ with its own eglot.
;; Started by run.sh:  emacs --batch -Q -l test.el
;; Env: BYLINE (server), PLUGIN_DIR (editors/emacs), WORKSPACE (a copy of
;;      the seed article and the fixture draft), BYLINE_TEST_BREAK=1 expects
;;      a wrong hover so that the test must fail.
;; Exit: 0 pass, 1 fail, 2 global timeout.

(require 'cl-lib)
(setq debug-on-error nil)
(defconst test--t0 (float-time))
(defun test--log (fmt &rest args)
  (princ (format "[emacs-test] %s (%.0fms)\n" (apply #'format fmt args)
                 (* 1000 (- (float-time) test--t0)))
         #'external-debugging-output))
(run-with-timer 50 nil (lambda () (test--log "FAIL: global timeout") (kill-emacs 2)))

;; Under -Q Debian's elpa packages (eglot 1.9, markdown-mode) need package.el.
(unless (and (locate-library "eglot") (locate-library "markdown-mode"))
  (require 'package)
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize))
(add-to-list 'load-path (getenv "PLUGIN_DIR"))
(require 'byline)
(require 'flymake)
(require 'imenu)
(defconst test--byline (getenv "BYLINE"))
(defconst test--ws (file-name-as-directory (getenv "WORKSPACE")))
(defconst test--break (equal (getenv "BYLINE_TEST_BREAK") "1"))

(defun test--wait (pred timeout what)
  (let ((deadline (+ (float-time) timeout)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (unless v (error "Timed out after %ss waiting for %s" timeout what))
    v))

(defmacro test--check (form &rest msg)
  `(unless ,form (error "%s" (format ,@(or msg (list "Assertion failed: %S" `',form))))))

;; Every publishDiagnostics received, by URI (also empty ones).
(defvar test--published (make-hash-table :test #'equal))
(advice-add 'eglot-handle-notification :after
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (cl-incf (gethash (plist-get params :uri) test--published 0)))))

(defun test--uri () (eglot--path-to-uri buffer-file-name))

(defun test--connect ()
  "Run what the first command in a real session would (eglot-ensure's hook)."
  (run-hooks 'post-command-hook)
  (let ((server (test--wait #'eglot-current-server 10 "the Eglot connection")))
    (test--check (cl-typep server 'byline-eglot-server) "server class %s" (type-of server))
    (test--wait (lambda () eglot--managed-mode) 5 "eglot-managed-mode")
    server))

(defun test--goto (text)
  (goto-char (point-min))
  (test--check (search-forward text nil t) "text not found: %s" text)
  (goto-char (match-beginning 0)))

(defun test--hover (text)
  "Hover through eglot's ElDoc function at TEXT; the rendered string."
  (test--goto text)
  (forward-char 1)
  (let (doc)
    (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc (or info 'none))))
    (test--wait (lambda () doc) 5 (format "the hover at %s" text))
    (test--check (stringp doc) "no hover at %s" text)
    (substring-no-properties doc)))

(defun test--imenu-names (index)
  (let (acc)
    (cl-labels ((walk (x) (when (consp x)
                            (when (stringp (car x)) (push (substring-no-properties (car x)) acc))
                            (when (listp (cdr x)) (mapc #'walk (cdr x))))))
      (mapc #'walk index))
    acc))

(defun test--diags (code)
  "Flymake diagnostics of this buffer whose text names rule CODE."
  (cl-remove-if-not (lambda (d) (string-match-p (regexp-quote (format "[%s]" code))
                                                (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(defun test--language-id (server)
  "The languageId SERVER sends for this buffer."
  (cond ((fboundp 'eglot--languageId) (eglot--languageId server))      ; eglot >= 1.16: per buffer
        ((fboundp 'eglot--language-id) (eglot--language-id server))))  ; eglot 1.9: per server

(defun test--run ()
  (setq byline-server-command (list test--byline "lsp")
        ;; sent as initializationOptions: the draft's unattributed quote is an error
        byline-rules '(("quote.unattributed" . "error"))
        eglot-sync-connect t eglot-connect-timeout 10 eglot-autoshutdown nil)
  (byline-setup)
  (test--log "emacs %s, eglot %s" emacs-version (locate-library "eglot"))

  ;; --- the seed article: text-mode -> languageId plaintext ---------------
  (find-file (expand-file-name "iran-talks.txt" test--ws))
  (test--check (eq major-mode 'text-mode) "major-mode %s" major-mode)
  (let* ((server (test--connect))
         (seed-uri (test--uri)))
    (test--check (equal (test--language-id server) "plaintext") "languageId %S" (test--language-id server))
    (test--check (equal (file-name-as-directory (expand-file-name (project-root (eglot--project server))))
                        test--ws)
                 "project root %s" (project-root (eglot--project server)))
    (test--log "connected: %s, languageId plaintext" (jsonrpc-name server))
    (test--wait (lambda () (> (gethash seed-uri test--published 0) 0)) 10 "diagnostics for the seed article")
    (flymake-start)
    (accept-process-output nil 0.1)
    (test--log "seed article: diagnostics published, %d in flymake, %d errors or warnings"
               (length (flymake-diagnostics))
               (cl-count-if (lambda (d) (memq (flymake-diagnostic-type d) '(eglot-error eglot-warning)))
                            (flymake-diagnostics)))

    ;; --- hover on two people named by surname only -------------------------
    (let ((expect (if test--break "Manouchehr Mottaky (deliberately wrong)" "Manouchehr Mottaki"))
          (doc (test--hover "Mottaki said his government")))
      (test--check (string-match-p (regexp-quote expect) doc)
                   "hover on Mottaki does not show '%s':\n%s" expect doc)
      (test--log "hover on Mottaki: %s" (replace-regexp-in-string "\n" " | " (truncate-string-to-width doc 160))))
    (let ((doc (test--hover "Clawson said it was beneficial")))
      (test--check (string-match-p "Patrick Clawson" doc) "hover on Clawson does not show 'Patrick Clawson':\n%s" doc)
      (test--log "hover on Clawson: %s" (replace-regexp-in-string "\n" " | " (truncate-string-to-width doc 160))))

    ;; --- the outline: imenu (eglot-imenu) and the raw documentSymbol --------
    (let* ((index (funcall imenu-create-index-function))
           (names (test--imenu-names index)))
      (dolist (n '("Manouchehr Mottaki" "Patrick Clawson" "Sean McCormack"))
        (test--check (member n names) "imenu does not list %s: %S" n index))
      (test--log "imenu lists %d entries, the people among them" (length names)))
    (let* ((syms (jsonrpc-request server :textDocument/documentSymbol
                                  `(:textDocument ,(eglot--TextDocumentIdentifier)) :timeout 5))
           (people (cl-find "People" (append syms nil) :key (lambda (s) (plist-get s :name)) :test #'equal))
           (children (mapcar (lambda (c) (plist-get c :name)) (append (plist-get people :children) nil))))
      (test--check people "no People in the outline: %S" syms)
      (dolist (n '("Manouchehr Mottaki" "Patrick Clawson"))
        (test--check (member n children) "People does not list %s: %S" n children))
      (test--log "outline: People = %s" (string-join children ", ")))

    ;; --- the fixture draft: markdown-mode -> languageId markdown -----------
    (find-file (expand-file-name "council-draft.md" test--ws))
    (test--check (eq major-mode 'markdown-mode) "major-mode %s" major-mode)
    (let ((md-server (test--connect)))
      (test--check (equal (test--language-id md-server) "markdown") "languageId %S" (test--language-id md-server))
      (flymake-start)
      (let ((d (car (test--wait (lambda () (flymake-start) (test--diags "quote.unattributed"))
                                10 "a quote.unattributed diagnostic on the draft"))))
        (test--check (eq (flymake-diagnostic-type d) 'eglot-error)
                     "type %s: initializationOptions rules not applied" (flymake-diagnostic-type d))
        (test--check (string-prefix-p "byline" (flymake-diagnostic-text d)) "text %s" (flymake-diagnostic-text d))
        (test--goto "“This is the third delay")
        (test--check (= (line-number-at-pos (flymake-diagnostic-beg d)) (line-number-at-pos))
                     "diagnostic on line %d, expected %d"
                     (line-number-at-pos (flymake-diagnostic-beg d)) (line-number-at-pos))
        (test--log "draft: %s on line %d" (flymake-diagnostic-text d) (line-number-at-pos)))

      ;; --- settings changed through Customize: didChangeConfiguration -------
      (customize-set-variable 'byline-rules '(("quote.unattributed" . "warning")))
      (test--wait (lambda () (flymake-start)
                    (let ((d (car (test--diags "quote.unattributed"))))
                      (and d (eq (flymake-diagnostic-type d) 'eglot-warning))))
                  10 "quote.unattributed to become a warning")
      (customize-set-variable 'byline-rules '(("quote.unattributed" . "off")))
      (test--wait (lambda () (flymake-start) (null (test--diags "quote.unattributed")))
                  10 "quote.unattributed to disappear")
      (test--log "settings re-sent: warning, then off")

      ;; --- M-x byline-restart --------------------------------------------------
      (let ((old (byline--servers)))
        ;; eglot 1.9: one server per language id; later: one for both
        (test--check (= (length old) (if (byline--per-buffer-language-ids-p) 1 2))
                     "%d servers" (length old))
        (byline-restart)
        (let ((new (test--wait (lambda () (let ((s (byline--servers)))
                                            (and (= (length s) (length old)) (null (cl-intersection s old)) s)))
                               10 "new servers after byline-restart")))
          (test--check (memq (eglot-current-server) new) "this buffer has no new server")
          (test--log "byline-restart: %d servers replaced" (length new))))

      ;; --- clean shutdown --------------------------------------------------------
      ;; eglot-shutdown (what M-x eglot-shutdown runs) raises when the
      ;; server answers `shutdown' with an error.
      (let* ((servers (byline--servers))
             (procs (mapcar #'jsonrpc--process servers)))
        (dolist (s servers)
          (condition-case err (eglot-shutdown s)
            (jsonrpc-error
             (error "The server answered Eglot's `shutdown' (sent with \"params\": null) with an error: %S"
                    (cdr err)))))
        (test--wait (lambda () (cl-notany #'process-live-p procs)) 5 "the servers to exit")
        (dolist (p procs)
          ;; jsonrpc 1.0.14 (Emacs 28) SIGKILLs the server right after `exit';
          ;; later versions let it exit on its own, which must be with 0.
          (test--check (or (and (eq (process-status p) 'exit) (= (process-exit-status p) 0))
                           (and (version< emacs-version "29") (eq (process-status p) 'signal)))
                       "server exit: %s %s" (process-status p) (process-exit-status p)))
        (test--log "servers stopped")))))

(condition-case err
    (progn (test--run)
           (test--log "PASS")
           (kill-emacs 0))
  (error
   (test--log "FAIL: %s" (error-message-string err))
   (ignore-errors (eglot-shutdown-all))
   (kill-emacs 1)))
