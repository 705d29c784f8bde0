-- Byline for Neovim: starts `byline lsp` for text and Markdown buffers
-- through Neovim's built-in LSP client.
--
--   require("byline").setup({
--     cmd = { "byline", "lsp" },             -- the server
--     filetypes = { "text", "markdown" },    -- buffers to check
--     root_markers = { ".byline.json", ".git" },
--     settings = {                           -- same keys as .byline.json
--       rules = { ["source.anonymous"] = "information" },
--       names = { house = { "Manouchehr Mottaki" } },
--     },
--     on_attach = function(client, bufnr) end,
--     on_exit = function(code, signal, client_id) end,
--   })
--
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client) and 0.10+
-- (vim.lsp.start). Commands: :BylineRestart, :BylineStop, :BylineLog.
local M = {}

local uv = vim.loop

M.defaults = {
  name = "byline",
  cmd = { "byline", "lsp" },
  filetypes = { "text", "markdown" },
  root_markers = { ".byline.json", ".git" },
  -- filetype -> LSP languageId; other filetypes are sent as they are.
  language_ids = { text = "plaintext", markdown = "markdown" },
  settings = {},
  on_attach = nil, -- function(client, bufnr)
  on_exit = nil, -- function(code, signal, client_id)
  capabilities = nil,
  autostart = true,
}

M.config = nil
local clients_by_root = {} -- 0.7 path: root_dir -> client id
local reported = {} -- start errors already shown, by message

local function notify(msg, level)
  vim.schedule(function() vim.notify("Byline: " .. msg, level or vim.log.levels.INFO) end)
end

local function is_dir(path)
  local st = uv.fs_stat(path)
  return st ~= nil and st.type == "directory"
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ":h")
end

--- The project root of `path`: the nearest folder, walking up, holding one
--- of `markers` (default .byline.json, then .git); else the file's folder.
function M.find_root(path, markers)
  markers = markers or (M.config or M.defaults).root_markers
  path = vim.fn.fnamemodify(path, ":p")
  local start = is_dir(path) and path or dirname(path)
  start = start:gsub("/$", "")
  if start == "" then start = "/" end
  -- Each marker in order of preference: a .byline.json further up beats a
  -- .git nearer by.
  for _, marker in ipairs(markers) do
    local dir = start
    while true do
      if exists(dir .. "/" .. marker) then return dir end
      local parent = dirname(dir)
      if parent == dir then break end
      dir = parent
    end
  end
  return start
end

local function language_id(bufnr, filetype)
  local cfg = M.config or M.defaults
  return cfg.language_ids[filetype] or (filetype ~= "" and filetype) or "plaintext"
end

local function wants(bufnr)
  local cfg = M.config or M.defaults
  local ft = vim.api.nvim_buf_get_option(bufnr, "filetype")
  if vim.api.nvim_buf_get_option(bufnr, "buftype") ~= "" then return false end
  return vim.tbl_contains(cfg.filetypes, ft)
end

local function report_start_error(msg)
  if reported[msg] then return end
  reported[msg] = true
  notify(msg, vim.log.levels.ERROR)
end

--- Checks that the server command can run; returns nil or an error message.
local function check_cmd(cmd)
  local exe = cmd[1]
  if exe == nil or exe == "" then return "no server command (cmd) configured" end
  if vim.fn.executable(exe) == 1 then return nil end
  local tried = exe
  if not exe:find("/") then tried = exe .. " (searched $PATH)" end
  return "cannot start the language server: " .. tried .. " is not an executable."
    .. " Set cmd in require('byline').setup({ cmd = { '/path/to/byline', 'lsp' } })."
end

-- Client methods are called as client:m() from 0.11 and client.m() before.
local function call(client, method, ...)
  if vim.fn.has("nvim-0.11") == 1 then return client[method](client, ...) end
  return client[method](...)
end

-- Neovim 0.10 pulls diagnostics (textDocument/diagnostic) but has no
-- handler for workspace/diagnostic/refresh, the server's request to pull
-- again after a settings change. Byline supplies one there.
local function needs_refresh_handler()
  return vim.lsp.diagnostic and vim.lsp.diagnostic.on_diagnostic ~= nil
    and vim.lsp.handlers["workspace/diagnostic/refresh"] == nil
end

local function pull_again(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then return vim.NIL end
  for _, bufnr in ipairs(vim.lsp.get_buffers_by_client_id(ctx.client_id)) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      call(client, "request", "textDocument/diagnostic",
        { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, nil, bufnr)
    end
  end
  return vim.NIL
end

--- The client capabilities Byline asks for: Neovim's own merged with
--- `extra`, plus workspace/diagnostic/refresh support where Byline supplies
--- the handler (Neovim 0.10).
function M.capabilities(extra)
  local caps = vim.lsp.protocol.make_client_capabilities()
  if extra then caps = vim.tbl_deep_extend("force", caps, extra) end
  if caps.textDocument and caps.textDocument.diagnostic and needs_refresh_handler() then
    caps.workspace = caps.workspace or {}
    caps.workspace.diagnostics = vim.tbl_extend("force", caps.workspace.diagnostics or {}, { refreshSupport = true })
  end
  return caps
end

--- Handlers Byline adds to its clients (see M.capabilities).
function M.handlers()
  if needs_refresh_handler() then return { ["workspace/diagnostic/refresh"] = pull_again } end
  return {}
end

local function client_config(root_dir)
  local cfg = M.config
  return {
    name = cfg.name,
    cmd = cfg.cmd,
    root_dir = root_dir,
    workspace_folders = {
      { uri = vim.uri_from_fname(root_dir), name = root_dir },
    },
    init_options = cfg.settings,
    -- Pulled by the server with workspace/configuration and sent after
    -- initialize as workspace/didChangeConfiguration.
    settings = { byline = cfg.settings },
    capabilities = M.capabilities(cfg.capabilities),
    handlers = M.handlers(),
    get_language_id = language_id,
    on_attach = cfg.on_attach,
    on_exit = function(code, signal, client_id)
      if clients_by_root[root_dir] == client_id then clients_by_root[root_dir] = nil end
      if code ~= 0 and signal ~= 15 and signal ~= 9 then
        notify(string.format("the language server exited (code %s, signal %s); see :BylineLog",
          tostring(code), tostring(signal)), vim.log.levels.WARN)
      end
      if cfg.on_exit then cfg.on_exit(code, signal, client_id) end
    end,
  }
end

local function live_client(id)
  local c = id and vim.lsp.get_client_by_id(id)
  if c and not call(c, "is_stopped") then return c end
  return nil
end

--- Attaches Byline to buffer `bufnr` (default: the current one), starting a
--- server for its project if none runs. Returns the client id, or nil.
function M.attach(bufnr)
  if not M.config then M.setup({}) end
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local root_dir = M.find_root(fname ~= "" and fname or vim.fn.getcwd())
  local problem = check_cmd(M.config.cmd)
  if problem then
    report_start_error(problem)
    return nil
  end
  local id
  if vim.lsp.start then -- Neovim 0.8+: reuses a client with the same name and root
    id = vim.lsp.start(client_config(root_dir), { bufnr = bufnr })
  else -- Neovim 0.7
    id = live_client(clients_by_root[root_dir]) and clients_by_root[root_dir]
    if not id then
      id = vim.lsp.start_client(client_config(root_dir))
      clients_by_root[root_dir] = id
    end
    if id then vim.lsp.buf_attach_client(bufnr, id) end
  end
  if not id then report_start_error("cannot start the language server " .. table.concat(M.config.cmd, " ")) end
  return id
end

--- The Byline clients running now.
function M.clients()
  local out = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, c in pairs(all) do
    if c.name == (M.config or M.defaults).name then table.insert(out, c) end
  end
  return out
end

--- Replaces the settings and sends them to every running server
--- (workspace/didChangeConfiguration); `settings` has the keys of .byline.json.
function M.set_settings(settings)
  if not M.config then M.setup({}) end
  M.config.settings = settings or {}
  for _, c in ipairs(M.clients()) do
    c.config.settings = { byline = M.config.settings }
    c.settings = c.config.settings -- 0.10+ answers workspace/configuration from client.settings
    c.config.init_options = M.config.settings
    call(c, "notify", "workspace/didChangeConfiguration", { settings = { byline = M.config.settings } })
  end
end

--- Stops every Byline server.
function M.stop()
  for _, c in ipairs(M.clients()) do call(c, "stop") end
  clients_by_root = {}
end

--- Stops the servers and starts them again for every Byline buffer.
function M.restart()
  M.stop()
  reported = {}
  -- Wait (at most 3 s) for the old servers to exit, then attach again.
  vim.wait(3000, function() return #M.clients() == 0 end, 20)
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and wants(b) then M.attach(b) end
  end
end

local function create_commands()
  vim.api.nvim_create_user_command("BylineRestart", M.restart, { desc = "Restart the Byline language server" })
  vim.api.nvim_create_user_command("BylineStop", M.stop, { desc = "Stop the Byline language server" })
  vim.api.nvim_create_user_command("BylineLog", function()
    vim.cmd("split " .. vim.fn.fnameescape(vim.lsp.get_log_path()))
  end, { desc = "Open the LSP log (the server's messages are in it)" })
end

--- Configures Byline and attaches it to matching buffers, now and later.
function M.setup(opts)
  opts = opts or {}
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts)
  -- lists replace the defaults instead of being merged index by index
  for _, k in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[k] then M.config[k] = opts[k] end
  end
  if opts.settings then M.config.settings = opts.settings end
  create_commands()
  local group = vim.api.nvim_create_augroup("byline", { clear = true })
  if M.config.autostart then
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        if wants(args.buf) then M.attach(args.buf) end
      end,
    })
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and wants(b) then M.attach(b) end
    end
  end
  return M
end

return M
