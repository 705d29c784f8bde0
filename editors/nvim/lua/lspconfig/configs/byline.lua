-- Byline in the format of nvim-lspconfig's server configurations, so that
-- with this plugin on 'runtimepath' and nvim-lspconfig installed:
--
--   require("lspconfig").byline.setup({
--     settings = { byline = { rules = { ["source.anonymous"] = "information" } } },
--   })
--
-- (nvim-lspconfig up to 0.1.x looks up lspconfig/server_configurations/,
-- later versions lspconfig/configs/; both are provided.)
local function root_dir(fname)
  return require("byline").find_root(fname)
end

return {
  default_config = {
    cmd = { "byline", "lsp" },
    filetypes = { "text", "markdown" },
    root_dir = root_dir,
    single_file_support = true,
    get_language_id = function(_, filetype)
      return filetype == "text" and "plaintext" or filetype
    end,
    settings = { byline = {} },
    capabilities = require("byline").capabilities(),
    handlers = require("byline").handlers(),
    -- initializationOptions are taken from settings.byline at start
    on_new_config = function(config)
      config.init_options = (config.settings or {}).byline or {}
    end,
  },
  docs = {
    description = [[
Byline, a language server for news drafts: unattributed quotes, names spelled
two ways, surnames before introductions; hover on people and organizations,
an outline of people, organizations and quotes. `byline lsp` must be on PATH
(or set `cmd`). Settings under `byline` take the keys of `.byline.json`:
`rules`, `names.house`, `acronyms.allowList`, `maxDocumentSize`.
]],
    default_config = {
      root_dir = [[nearest folder with .byline.json, else .git, else the file's folder]],
    },
  },
}
