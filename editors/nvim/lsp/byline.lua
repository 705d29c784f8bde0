-- Byline for Neovim 0.11+'s vim.lsp.config: with this plugin on 'runtimepath',
--
--   vim.lsp.config("byline", { settings = { byline = { rules = { ... } } } })
--   vim.lsp.enable("byline")
return {
  cmd = { "byline", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".byline.json", ".git" },
  get_language_id = function(_, filetype)
    return filetype == "text" and "plaintext" or filetype
  end,
  settings = { byline = {} },
  -- workspace/diagnostic/refresh support where Neovim lacks it (0.10):
  -- the server asks to pull again after a settings change
  capabilities = require("byline").capabilities(),
  handlers = require("byline").handlers(),
  before_init = function(params, config)
    params.initializationOptions = (config.settings or {}).byline or {}
  end,
}
