-- End-to-end test of editors/nvim through headless Neovim (0.7.2 on Debian 12):
-- the plugin starts the real `byline lsp`; we check diagnostics, hover,
-- outline, settings (initializationOptions and didChangeConfiguration),
-- :BylineRestart and a clean shutdown.
--
-- Started by run.sh:  nvim --headless -u NONE -i NONE -n -c 'luafile test.lua'
-- Env: BYLINE (server), PLUGIN_DIR (editors/nvim), WORKSPACE (a copy of the
--      seed article and the fixture draft), BYLINE_TEST_BREAK=1 expects a
--      wrong hover so that the test must fail.
-- Exit: 0 pass, 1 fail (the message starts with "[nvim-test] FAIL").
local uv = vim.loop
local t0 = uv.hrtime()
local function ms() return string.format("%.0fms", (uv.hrtime() - t0) / 1e6) end
local function log(msg) io.stderr:write("[nvim-test] " .. msg .. " (" .. ms() .. ")\n") end
local function fail(msg) error({ test_failure = msg }, 0) end
local function check(cond, msg) if not cond then fail(msg) end end
local function wait(ms_, pred, what) check(vim.wait(ms_, pred, 10), "timed out waiting for " .. what) end

local BYLINE = assert(os.getenv("BYLINE"), "BYLINE not set")
local WS = assert(os.getenv("WORKSPACE"), "WORKSPACE not set")
local BREAK = os.getenv("BYLINE_TEST_BREAK") == "1"

-- Every diagnostics report the client receives, by URI (also empty ones):
-- pushed (publishDiagnostics) or, on 0.10+, pulled (textDocument/diagnostic).
local published = {}
local orig_push = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then published[result.uri] = (published[result.uri] or 0) + 1 end
  return orig_push(err, result, ctx, config)
end
local orig_pull = vim.lsp.handlers["textDocument/diagnostic"]
if orig_pull then
  vim.lsp.handlers["textDocument/diagnostic"] = function(err, result, ctx, config)
    local uri = ctx.params and ctx.params.textDocument and ctx.params.textDocument.uri
    if result and uri then published[uri] = (published[uri] or 0) + 1 end
    return orig_pull(err, result, ctx, config)
  end
end

local function client_of(bufnr)
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == "byline" then return c end
  end
end

local function find(bufnr, word)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(word, 1, true)
    if col then return lnum, col - 1 end
  end
  fail("word not found in buffer: " .. word)
end

local function request(bufnr, method, params)
  local res, err = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
  check(res, method .. " failed: " .. tostring(err))
  for _, r in pairs(res) do
    check(not r.err, method .. " error: " .. vim.inspect(r.err))
    return r.result
  end
  fail(method .. ": no answer")
end

local function hover_text(bufnr, word)
  local lnum, col = find(bufnr, word)
  vim.api.nvim_win_set_cursor(0, { lnum, col + 1 })
  local result = request(bufnr, "textDocument/hover", vim.lsp.util.make_position_params())
  check(result and result.contents, "hover on " .. word .. ": no contents")
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  return table.concat(lines, "\n")
end

local function symbol_tree(syms, depth, out)
  out = out or {}
  for _, s in ipairs(syms or {}) do
    table.insert(out, string.rep("  ", depth) .. s.name)
    symbol_tree(s.children, depth + 1, out)
  end
  return out
end

local function diags_with(bufnr, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code then table.insert(out, d) end
  end
  return out
end

local function run()
  vim.opt.runtimepath:append(assert(os.getenv("PLUGIN_DIR")))
  vim.cmd("filetype on")
  local byline = require("byline")
  local exit_codes = {}
  byline.setup({
    cmd = { BYLINE, "lsp" },
    on_exit = function(code, _, id) exit_codes[id] = code end,
    -- sent as initializationOptions: the draft's unattributed quote becomes an error
    settings = { rules = { ["quote.unattributed"] = "error" } },
  })

  -- The seed article, a .txt buffer (filetype text -> languageId plaintext).
  vim.cmd("edit " .. vim.fn.fnameescape(WS .. "/iran-talks.txt"))
  local seed = vim.api.nvim_get_current_buf()
  check(vim.bo[seed].filetype == "text", "filetype of the .txt file: " .. vim.bo[seed].filetype)
  local client
  wait(10000, function()
    client = client_of(seed)
    return client ~= nil and client.initialized
  end, "the byline client to attach and initialize")
  check(client.config.root_dir == WS, "root_dir " .. tostring(client.config.root_dir) .. ", expected " .. WS)
  log("server initialized: " .. vim.inspect(client.server_capabilities and client.server_capabilities.hoverProvider ~= nil))

  local seed_uri = vim.uri_from_bufnr(seed)
  wait(10000, function() return (published[seed_uri] or 0) > 0 end, "diagnostics for the seed article")
  local seed_diags = vim.diagnostic.get(seed)
  local serious = 0
  for _, d in ipairs(seed_diags) do
    if d.severity <= vim.diagnostic.severity.WARN then serious = serious + 1 end
  end
  log(string.format("seed article: diagnostics published, %d in all, %d errors or warnings", #seed_diags, serious))

  -- Hover on two people mentioned by surname only.
  local expect_mottaki = BREAK and "Manouchehr Mottaky (deliberately wrong)" or "Manouchehr Mottaki"
  local h = hover_text(seed, "Mottaki said his government")
  check(h:find(expect_mottaki, 1, true), "hover on Mottaki does not show '" .. expect_mottaki .. "':\n" .. h)
  log("hover on Mottaki: " .. h:gsub("\n", " | "):sub(1, 160))
  h = hover_text(seed, "Clawson said it was beneficial")
  check(h:find("Patrick Clawson", 1, true), "hover on Clawson does not show 'Patrick Clawson':\n" .. h)
  log("hover on Clawson: " .. h:gsub("\n", " | "):sub(1, 160))

  -- The outline: People with the people of the article.
  local syms = request(seed, "textDocument/documentSymbol",
    { textDocument = vim.lsp.util.make_text_document_params() })
  local tree = table.concat(symbol_tree(syms, 0), "\n")
  check(tree:find("\nPeople\n", 1, true) or tree:find("^People\n"), "outline has no People:\n" .. tree)
  for _, name in ipairs({ "Manouchehr Mottaki", "Patrick Clawson", "Sean McCormack" }) do
    check(tree:find("\n  " .. name, 1, true), "outline does not list " .. name .. " under a group:\n" .. tree)
  end
  log("outline: " .. tree:gsub("\n", " | "):sub(1, 200))

  -- The fixture draft (Markdown): an unattributed quote, an error by our settings.
  vim.cmd("edit " .. vim.fn.fnameescape(WS .. "/council-draft.md"))
  local draft = vim.api.nvim_get_current_buf()
  check(vim.bo[draft].filetype == "markdown", "filetype of the .md file: " .. vim.bo[draft].filetype)
  check(client_of(draft) and client_of(draft).id == client.id, "the draft is not attached to the same client")
  wait(10000, function() return #diags_with(draft, "quote.unattributed") > 0 end,
    "a quote.unattributed diagnostic on the draft")
  local d = diags_with(draft, "quote.unattributed")[1]
  check(d.source == "byline", "diagnostic source: " .. tostring(d.source))
  check(d.severity == vim.diagnostic.severity.ERROR,
    "severity " .. tostring(d.severity) .. ": initializationOptions rules not applied")
  local qline = find(draft, "This is the third delay")
  check(d.lnum == qline - 1, "diagnostic on line " .. (d.lnum + 1) .. ", expected " .. qline)
  log("draft: quote.unattributed error on line " .. (d.lnum + 1) .. ": " .. d.message)

  -- Settings changed at run time: workspace/didChangeConfiguration.
  byline.set_settings({ rules = { ["quote.unattributed"] = "warning" } })
  wait(10000, function()
    local x = diags_with(draft, "quote.unattributed")[1]
    return x and x.severity == vim.diagnostic.severity.WARN
  end, "quote.unattributed to become a warning after set_settings")
  byline.set_settings({ rules = { ["quote.unattributed"] = "off" } })
  wait(10000, function() return #diags_with(draft, "quote.unattributed") == 0 end,
    "quote.unattributed to disappear after set_settings off")
  log("settings re-sent: warning, then off")

  -- :BylineRestart gives both buffers a fresh server.
  local old_id = client.id
  vim.cmd("BylineRestart")
  wait(10000, function()
    local c = client_of(draft)
    return c and c.id ~= old_id and c.initialized and client_of(seed) and client_of(seed).id == c.id
  end, "a new client after :BylineRestart")
  client = client_of(draft)
  log(":BylineRestart: client " .. old_id .. " -> " .. client.id)

  -- Clean shutdown: shutdown + exit, the server exits 0.
  check(exit_codes[old_id] == 0, "the first server's exit code: " .. tostring(exit_codes[old_id]))
  vim.cmd("BylineStop")
  wait(5000, function() return exit_codes[client.id] ~= nil end, "the server to exit after :BylineStop")
  check(exit_codes[client.id] == 0, "server exit code " .. tostring(exit_codes[client.id]))
  log("server exited 0")
end

local ok, e = pcall(run)
if ok then
  log("PASS")
  vim.cmd("qall!")
else
  log("FAIL: " .. (type(e) == "table" and e.test_failure or tostring(e)))
  pcall(function() require("byline").stop() end)
  vim.cmd("cquit")
end
