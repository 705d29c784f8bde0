-- nvim-lspconfig before 0.2 reads server configurations from here.
return require("lspconfig.configs.byline")
