// The participant page: join, then follow the facilitator's activity through server-sent
// events. Every text from the room is put in with textContent, never parsed as HTML.
"use strict";
(function () {
  const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
  const store = "mot-room:" + base;
  let texts = {}, state = null, me = load(), sent = [], source = null, lang = null;

  function load() { try { return JSON.parse(localStorage.getItem(store)) || null; } catch (e) { return null; } }
  function save() { localStorage.setItem(store, JSON.stringify(me)); }
  function t(key, params) {
    let s = (texts[lang] || texts.en || {})[key] || key;
    for (const k in (params || {})) s = s.split("{" + k + "}").join(String(params[k]));
    return s;
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const k in (attrs || {})) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") for (const ev in attrs.on) node.addEventListener(ev, attrs.on[ev]);
      else if (k === "class") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c) node.appendChild(c);
    return node;
  }
  function status(text, ok) {
    const box = document.getElementById("status");
    box.textContent = text || "";
    box.className = text ? (ok ? "show ok" : "show") : "";
    clearTimeout(status.timer);
    if (ok) status.timer = setTimeout(() => status(""), 2500);     // "Saved." goes away by itself
  }
  async function call(path, body) {
    const headers = {"Content-Type": "application/json"};
    if (me && me.device) headers["X-Device"] = me.device;
    const r = await fetch(base + path, {method: body === undefined ? "GET" : "POST", headers,
                                        body: body === undefined ? undefined : JSON.stringify(body)});
    let data = {};
    try { data = await r.json(); } catch (e) { data = {ok: false, code: r.status === 429 ? "busy" : "refused"}; }
    if (r.status === 403) data = {ok: false, code: "closed"};
    if (r.status === 429) data.code = "busy";
    return data;
  }
  function explain(answer) {
    const known = {"no-dots": "no_dots", "busy": "busy", "closed": "closed", "full": "full",
                   "pick-name": "who"};
    if (answer.code === "refused" && answer.error) return answer.error;
    return t(known[answer.code] || (answer.code === "refused" ? "refused" : "not_open"));
  }

  // ------------------------------------------------------------------ joining
  function joinScreen() {
    const main = document.getElementById("main");
    main.replaceChildren();
    main.appendChild(el("h1", {text: t("who")}));
    const people = el("div", {class: "people", id: "people"});
    for (const v of state.voters) {
      const label = v.key.startsWith("t:") ? t("team", {name: v.name}) : v.name;
      const b = el("button", {class: "btn", type: "button", "data-voter": v.key, on: {click: () => join({voter: v.key})}},
                   el("span", {text: label}));
      if (v.team) { b.appendChild(document.createTextNode(" ")); b.appendChild(el("span", {class: "team", text: v.team})); }
      people.appendChild(b);
    }
    main.appendChild(people);
    if (state.typed_names) {
      const input = el("input", {type: "text", id: "name", maxlength: "40", autocomplete: "name",
                                 placeholder: t("or_type")});
      main.appendChild(el("h1", {text: t("or_type")}));
      main.appendChild(input);
      main.appendChild(el("div", {class: "row"}, el("button", {class: "btn primary", type: "button", id: "joinTyped",
        text: t("go"), on: {click: () => input.value.trim() && join({name: input.value})}})));
    }
  }
  async function join(body) {
    const answer = await call("join", body);
    if (!answer.ok) { status(explain(answer)); return; }
    me = {device: answer.device, voter: answer.voter, name: answer.name};
    save();
    status("");
    follow();
  }
  function leave() { me = null; localStorage.removeItem(store); if (source) source.close(); source = null; joinScreen(); }

  // ------------------------------------------------------------------ following the room
  function follow() {
    if (source) source.close();
    source = new EventSource(base + "events?device=" + encodeURIComponent(me.device));
    source.onmessage = (ev) => { state = JSON.parse(ev.data); status(""); render(); };
    source.onerror = async () => {
      if (source.readyState === EventSource.CLOSED) {
        const answer = await call("me");
        if (answer.code === "closed") { status(t("closed")); source = null; return; }
        if (answer.voter === undefined) { leave(); return; }
        setTimeout(follow, 1000);
      } else status(t("offline"));
    };
    call("me").then((answer) => { if (answer.sent) { sent = answer.sent; render(); } });
  }

  function myDots(id) {
    let n = 0;
    for (const s of sent) if (s.target_id === id) n += s.op === "vote" ? 1 : s.op === "unvote" ? -1 : 0;
    return Math.max(0, n);
  }
  function myScore(id, field) {
    for (let i = sent.length - 1; i >= 0; i--)
      if (sent[i].op === "score" && sent[i].target_id === id && sent[i][field] != null) return sent[i][field];
    return null;
  }
  async function send(op, body) {
    const answer = await call(op, body);
    if (answer.ok) { sent = answer.sent || sent; status(t("saved"), true); render(); }
    else status(explain(answer));
    return answer.ok;
  }

  function header() {
    document.getElementById("title").textContent = state ? state.title : "";
    document.getElementById("code").textContent = state ? state.code : "";
    document.getElementById("lang").textContent = lang === "ko" ? "EN" : "한국어";
    document.documentElement.lang = lang;
  }

  function render() {
    header();
    if (!state) return;
    if (!me) { joinScreen(); return; }
    const main = document.getElementById("main");
    main.replaceChildren();
    main.appendChild(el("div", {class: "you"}, el("span", {text: t("you", {name: me.name})}),
      el("button", {class: "btn", type: "button", id: "notMe", text: t("change_name"), on: {click: leave}})));
    const a = state.activity;
    const subject = a.subject ? " — " + a.subject : "";
    if (a.kind === "waiting") { main.appendChild(el("p", {class: "big", id: "waiting", text: t("waiting")})); return; }
    if (a.kind === "vote") return vote(main, a, subject);
    if (a.kind === "score") return score(main, a, subject);
    if (a.kind === "post") return post(main, a, subject);
  }

  function vote(main, a, subject) {
    main.appendChild(el("h1", {text: t("vote_" + a.target) + subject}));
    const used = state.used[me.voter] || 0;
    const left = Math.max(0, state.budget - used);
    main.appendChild(el("p", {class: "left", id: "left", text: t("dots_left", {left, total: state.budget})}));
    if (!state.items.length) main.appendChild(el("p", {class: "sub", text: t("nothing")}));
    for (const item of state.items) {
      const mine = myDots(item.id);
      const card = el("div", {class: "card", "data-id": item.id},
        el("div", {class: "label", text: item.label}),
        item.detail ? el("div", {class: "detail", text: item.detail}) : null);
      const row = el("div", {class: "row"},
        el("button", {class: "btn primary vote", type: "button", text: "+ ●",
                      on: {click: () => send("vote", {target_id: item.id})}}),
        el("button", {class: "btn unvote", type: "button", text: "−", "aria-label": t("take_back"),
                      on: {click: () => send("unvote", {target_id: item.id})}}),
        el("span", {class: "mine", text: "●".repeat(Math.min(mine, 10))}));
      if (!left) row.firstChild.disabled = true;
      if (!mine) row.children[1].disabled = true;
      if (item.dots !== undefined) row.appendChild(el("span", {class: "tally", text: t("results") + ": " + item.dots}));
      card.appendChild(row);
      main.appendChild(card);
    }
  }

  function score(main, a, subject) {
    main.appendChild(el("h1", {text: t("score") + subject}));
    for (const item of state.items) {
      const card = el("div", {class: "card", "data-id": item.id}, el("div", {class: "label", text: item.label}));
      for (const field of ["level", "importance"]) {
        card.appendChild(el("div", {class: "what", text: t(field)}));
        const scale = el("div", {class: "scale", "data-field": field});
        const chosen = myScore(item.id, field);
        for (let n = 1; n <= 5; n++)
          scale.appendChild(el("button", {class: "btn" + (chosen === n ? " on" : ""), type: "button", text: String(n),
                                          on: {click: () => send("score", {target_id: item.id, [field]: n})}}));
        card.appendChild(scale);
      }
      if (item.room && item.room.level.n) {
        const r = item.room;
        card.appendChild(el("div", {class: "what", text: t("results") + ": " + t("level") + " " + r.level.mean +
          " ± " + r.level.sd + " · " + t("importance") + " " + r.importance.mean + " ± " + r.importance.sd +
          " (n=" + r.level.n + ")"}));
      }
      main.appendChild(card);
    }
  }

  function post(main, a, subject) {
    main.appendChild(el("h1", {text: t("post_" + a.target) + subject}));
    let select = null;
    if (a.target === "idea") {
      select = el("select", {id: "touchpoint", "aria-label": t("choose_tp")},
                  el("option", {value: "", text: t("choose_tp")}));
      for (const item of state.items) select.appendChild(el("option", {value: String(item.id), text: item.label}));
      main.appendChild(select);
      main.appendChild(el("div", {class: "row"}));
    }
    const area = el("textarea", {id: "text", maxlength: "500", placeholder: t("write")});
    main.appendChild(area);
    main.appendChild(el("div", {class: "row"}, el("button", {class: "btn primary", type: "button", id: "send",
      text: t("send"), on: {click: async () => {
        const text = area.value.trim();
        if (!text) return;
        const body = {text};
        if (select) { if (!select.value) { status(t("choose_tp")); return; } body.target_id = Number(select.value); }
        if (await send("post", body)) area.value = "";
      }}})));
    const mine = sent.filter((s) => s.op === "post");
    if (mine.length) {
      main.appendChild(el("h1", {text: t("sent")}));
      const list = el("ul", {class: "sent", id: "sentList"});
      for (const s of mine.slice().reverse()) list.appendChild(el("li", {text: s.text}));
      main.appendChild(list);
    }
    const shown = a.target === "idea" ? state.items.flatMap((i) => (i.posts || []).map((p) => ({...p, tp: i.label})))
                                      : state.posts;
    if (shown && shown.length) {
      main.appendChild(el("h1", {text: t("results")}));
      const list = el("ul", {class: "sent"});
      for (const p of shown) list.appendChild(el("li", {text: (p.tp ? p.tp + ": " : "") + p.text + (p.author ? " — " + p.author : "")}));
      main.appendChild(list);
    }
  }

  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "ko" ? "en" : "ko";
    localStorage.setItem("mot-room-lang", lang);
    status("");
    render();
  });

  (async function start() {
    texts = await (await fetch(base + "texts")).json();
    state = await (await fetch(base + "state")).json();
    lang = localStorage.getItem("mot-room-lang") || state.lang || "ko";
    if (me) {
      const answer = await call("me");
      if (answer.voter) { me.voter = answer.voter; follow(); }
      else if (answer.code === "closed") { header(); status(t("closed")); return; }
      else me = null;
    }
    render();
  })();
})();
