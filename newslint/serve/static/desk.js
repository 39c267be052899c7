// The desk page: check the story as it is typed, mark each finding in place, list them with their rule and
// why, and apply fixes through the service's JSON API. Plain script, no build step, nothing from a CDN.
"use strict";

const CHECK_DELAY_MS = 350; // after the last keystroke: checks as the editor types, not on every key

const page = {
  story: document.getElementById("story"),
  editor: document.getElementById("editor"),
  highlights: document.getElementById("highlights"),
  list: document.getElementById("findings"),
  status: document.getElementById("status"),
  style: document.getElementById("style"),
  open: document.getElementById("open"),
  check: document.getElementById("check"),
  fixAll: document.getElementById("fix-all"),
  copy: document.getElementById("copy"),
  download: document.getElementById("download"),
};

const state = {
  filename: "story.txt",
  rules: new Map(), // rule id -> {why, link}
  checked: null, // {text, findings, fixable, offsets}: the last answer, for the text it was asked about
  active: -1, // the finding shown as current
  asked: 0, // requests are numbered so that a late answer for older text is dropped
  timer: 0,
  applying: false, // a fix is being typed into the textarea: its input event is not an edit to check
};

// ---- talking to the service -------------------------------------------------------------------------------

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) {
    const error = new Error(data.error || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

function storyRequest(extra) {
  return { text: page.story.value, style: page.style.value || null, filename: state.filename, ...extra };
}

// ---- offsets: the service counts code points, a JavaScript string UTF-16 units -------------------------------

function utf16Offsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const table = [];
  let unit = 0;
  for (const character of text) {
    table.push(unit);
    unit += character.length;
  }
  table.push(unit);
  return (offset) => table[Math.min(offset, table.length - 1)];
}

// ---- checking -----------------------------------------------------------------------------------------------

async function check() {
  clearTimeout(state.timer);
  const text = page.story.value;
  const asked = ++state.asked;
  if (!text.trim()) {
    show({ text, findings: [], fixable: [], notices: [] });
    say("Paste or open a story to check it.");
    return;
  }
  say("Checking…");
  try {
    const data = await call("POST", "/api/lint", storyRequest());
    if (asked === state.asked && text === page.story.value) show({ text, ...data });
  } catch (error) {
    if (asked === state.asked) say(`Not checked: ${error.message}`, true);
  }
}

function checkSoon() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, CHECK_DELAY_MS);
}

function show(result) {
  state.checked = { ...result, offsets: utf16Offsets(result.text) };
  state.active = -1;
  drawMarks();
  drawList();
  const safe = result.fixable.filter((how) => how === "safe").length;
  page.fixAll.disabled = safe === 0;
  page.fixAll.textContent = safe ? `Fix all safe (${safe})` : "Fix all safe";
  const count = result.findings.length;
  const problems = [...(result.notices || []), ...(result.problems || [])];
  say(
    (count === 0 ? "No findings." : `${count} finding${count === 1 ? "" : "s"}${safe ? `, ${safe} with a safe fix` : ""}.`) +
      (problems.length ? ` ${problems.join(" ")}` : ""),
  );
}

function say(message, problem = false) {
  page.status.textContent = message;
  page.status.classList.toggle("problem", problem);
}

// ---- marks in place -------------------------------------------------------------------------------------------

function drawMarks() {
  const { text, findings, offsets } = state.checked;
  const spans = findings.map((finding, index) => ({ index, start: offsets(finding.start), end: offsets(finding.end), level: finding.level }));
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const edges = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < edges.length; i++) {
    const at = edges[i];
    for (const span of spans) if (span.start === at && span.end === at) fragment.append(mark(span, "", true));
    if (i + 1 === edges.length) break;
    const piece = text.slice(at, edges[i + 1]);
    const covering = spans.filter((span) => span.start <= at && span.end >= edges[i + 1] && span.start < span.end);
    fragment.append(covering.length ? mark(worst(covering), piece, false, covering) : document.createTextNode(piece));
  }
  fragment.append(document.createTextNode("\u200b")); // a final empty line keeps its height, as in the textarea
  page.highlights.replaceChildren(fragment);
}

const LEVELS = { suggestion: 1, warning: 2, error: 3 };

function worst(spans) {
  return spans.reduce((a, b) => (LEVELS[b.level] > LEVELS[a.level] ? b : a));
}

function mark(span, piece, point, covering = [span]) {
  const element = document.createElement("mark");
  element.className = span.level + (point ? " point" : "");
  element.dataset.findings = covering.map((s) => s.index).join(" ");
  element.textContent = piece;
  return element;
}

function clearMarks() {
  page.highlights.replaceChildren(document.createTextNode(page.story.value + "\u200b"));
}

// ---- the list of findings -----------------------------------------------------------------------------------

function drawList() {
  const { findings, fixable } = state.checked;
  page.list.replaceChildren(...findings.map((finding, index) => listItem(finding, fixable[index], index)));
}

function listItem(finding, fixable, index) {
  const item = element("li", `finding ${finding.level}`);
  item.dataset.index = index;
  item.dataset.rule = finding.rule;
  const go = element("button", "finding-go");
  go.type = "button";
  go.title = "Show it in the story";
  const head = element("span", "finding-head");
  head.append(
    element("span", "where", `${finding.line}:${finding.column}`),
    element("span", "level", finding.level),
    element("code", "rule", finding.rule),
  );
  go.append(head, element("span", "finding-message", finding.message));
  go.addEventListener("click", () => select(index, true));
  item.append(go);
  const rule = state.rules.get(finding.rule);
  if (rule && rule.why) {
    const why = element("p", "finding-why", rule.why.trim() + " ");
    if (rule.link) {
      const link = element("a", "", "Source");
      link.href = rule.link;
      link.target = "_blank";
      link.rel = "noopener";
      why.append(link);
    }
    item.append(why);
  }
  if (fixable) item.append(fixButton(finding, fixable, index));
  return item;
}

function fixButton(finding, fixable, index) {
  const actions = element("div", "finding-actions");
  const replacement = finding.fix.replacement;
  const label = replacement.trim() ? `Apply “${replacement}”` : replacement ? "Apply the fix" : `Delete “${finding.matched}”`;
  const button = element("button", fixable === "unsafe" ? "apply unsafe" : "apply", label);
  button.type = "button";
  button.title = fixable === "unsafe" ? "A fix to review: Fix all leaves it alone" : "A safe fix";
  button.addEventListener("click", () => fixOne(index));
  actions.append(button);
  return actions;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Show finding `index` as the current one: its mark and list entry stand out, and the story selects its words.
function select(index, focusStory) {
  if (!state.checked || index < 0 || index >= state.checked.findings.length) return;
  state.active = index;
  for (const node of page.list.children) node.classList.toggle("active", Number(node.dataset.index) === index);
  let first = null;
  for (const node of page.highlights.querySelectorAll("mark")) {
    const mine = node.dataset.findings.split(" ").includes(String(index));
    node.classList.toggle("active", mine);
    if (mine && !first) first = node;
  }
  const finding = state.checked.findings[index];
  if (focusStory) {
    page.story.focus({ preventScroll: true });
    page.story.setSelectionRange(state.checked.offsets(finding.start), state.checked.offsets(finding.end));
  }
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  page.list.children[index].scrollIntoView({ block: "nearest" });
}

function step(by) {
  const count = state.checked ? state.checked.findings.length : 0;
  if (!count) return;
  const next = state.active < 0 ? (by > 0 ? 0 : count - 1) : (state.active + by + count) % count;
  select(next, true);
}

// The finding under the caret becomes the current one, so that Ctrl+. fixes what the editor is looking at.
function followCaret() {
  if (!state.checked || state.checked.text !== page.story.value) return;
  const caret = page.story.selectionStart;
  const { findings, offsets } = state.checked;
  const under = (f) => offsets(f.start) <= caret && caret <= offsets(f.end);
  if (state.active >= 0 && under(findings[state.active])) return; // two findings may touch: keep the one chosen
  const index = findings.findIndex(under);
  if (index >= 0 && index !== state.active) select(index, false);
}

// ---- fixing ---------------------------------------------------------------------------------------------------

async function fixOne(index) {
  const finding = state.checked.findings[index];
  const how = state.checked.fixable[index];
  if (!how) return say(`No fix to apply for ${finding.rule} at ${finding.line}:${finding.column}.`);
  const only = { rule: finding.rule, start: finding.start };
  await applyFix(storyRequest({ only, unsafe: how === "unsafe" }), `Applied “${finding.fix.replacement}” (${finding.rule}).`);
}

async function fixAll() {
  await applyFix(storyRequest(), null);
}

async function applyFix(request, done) {
  const before = page.story.value;
  try {
    const data = await call("POST", "/api/fix", request);
    if (page.story.value !== before) return say("The story changed while fixing; check again and retry.");
    if (!data.converged) return say("Not fixed: the fixes do not settle. " + (data.problems || []).join(" "), true);
    replaceStory(before, data.text);
    show({ text: data.text, findings: data.findings, fixable: data.fixable, notices: data.notices, problems: data.problems });
    say(`${done || `Applied ${data.applied} fix${data.applied === 1 ? "" : "es"}.`} ${page.status.textContent}`);
  } catch (error) {
    say(error.status === 409 ? "That fix no longer applies: the story changed. Checking again." : `Not fixed: ${error.message}`, true);
    check();
  }
}

// Type the change into the textarea (only the part that differs), so that Ctrl+Z undoes a fix like any edit.
function replaceStory(before, after) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const scroll = page.editor.scrollTop;
  state.applying = true;
  try {
    page.story.focus({ preventScroll: true });
    page.story.setSelectionRange(head, before.length - tail);
    const typed = document.execCommand && document.execCommand("insertText", false, after.slice(head, after.length - tail));
    if (!typed || page.story.value !== after) page.story.value = after;
  } finally {
    state.applying = false;
  }
  fitStory();
  page.editor.scrollTop = scroll;
}

// ---- the story: size, open, copy, download ---------------------------------------------------------------------

// The textarea grows with its text, so that the editor (not the textarea) scrolls, and the marks behind it with it.
function fitStory() {
  page.story.style.height = "auto";
  page.story.style.height = `${page.story.scrollHeight}px`;
}

async function openFile(file) {
  if (!file) return;
  try {
    setStory(await file.text());
    state.filename = file.name;
    document.title = `${file.name} · newslint desk`;
  } catch (error) {
    say(`Could not open ${file.name}: ${error.message}`, true);
  }
}

function setStory(text) {
  page.story.value = text;
  fitStory();
  clearMarks();
  check();
}

async function copyStory() {
  try {
    await navigator.clipboard.writeText(page.story.value);
  } catch {
    page.story.select(); // a page opened on another host name is no secure context: the older way
    document.execCommand("copy");
  }
  say("Copied the story.");
}

function downloadStory() {
  const blob = new Blob([page.story.value], { type: "text/plain;charset=utf-8" });
  const link = element("a");
  link.href = URL.createObjectURL(blob);
  link.download = state.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  say(`Downloaded ${state.filename}.`);
}

// ---- styles and rules -----------------------------------------------------------------------------------------

async function loadStyles() {
  const data = await call("GET", "/api/styles");
  for (const style of data.styles) {
    const option = element("option", "", style);
    option.value = style;
    page.style.append(option);
  }
  page.style.value = data.default;
}

async function loadRules() {
  const data = await call("GET", `/api/rules?style=${encodeURIComponent(page.style.value)}`);
  state.rules = new Map(data.rules.map((rule) => [rule.id, rule]));
}

// ---- keys and events ------------------------------------------------------------------------------------------

function onKey(event) {
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && event.key === "Enter") {
    event.preventDefault();
    check();
  } else if (event.key === "F8") {
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  } else if (ctrl && event.key === ".") {
    event.preventDefault();
    if (state.active >= 0) fixOne(state.active);
  } else if (ctrl && event.key.toLowerCase() === "o") {
    event.preventDefault();
    page.open.click();
  }
}

function wire() {
  page.story.addEventListener("input", () => {
    fitStory();
    if (state.applying) return;
    clearMarks(); // marks for the old text would sit on the wrong words until the new answer comes
    checkSoon();
  });
  for (const type of ["click", "keyup"]) page.story.addEventListener(type, followCaret);
  page.check.addEventListener("click", check);
  page.fixAll.addEventListener("click", fixAll);
  page.copy.addEventListener("click", copyStory);
  page.download.addEventListener("click", downloadStory);
  page.open.addEventListener("change", () => openFile(page.open.files[0]));
  page.style.addEventListener("change", async () => {
    await loadRules().catch((error) => say(`Rules not loaded: ${error.message}`, true));
    check();
  });
  page.editor.addEventListener("dragover", (event) => event.preventDefault());
  page.editor.addEventListener("drop", (event) => {
    if (!event.dataTransfer.files.length) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });
  document.addEventListener("keydown", onKey);
  window.addEventListener("resize", fitStory);
}

async function start() {
  wire();
  fitStory();
  try {
    await loadStyles();
    await loadRules();
  } catch (error) {
    say(`The service did not answer: ${error.message}`, true);
  }
  if (page.story.value.trim()) check(); // a reload keeps the textarea's text
  page.story.focus();
}

start();
