/* Drafts: nothing an official types in a long form is lost.
 *
 * A form written as <form data-draft-key="KEY"> keeps a copy of its fields in this browser's
 * localStorage while the user types. The copy survives a crash, a closed tab, an expired session
 * (the login page sends the user back to the form) and a server error. When the form's page loads
 * again and the copy differs from what the server rendered, the copy is put back and a notice,
 * cloned from <template id="draft-restored-notice"> in base.html, offers to discard it.
 *
 * What is kept: text-like inputs, text areas, selects, check boxes and radio buttons. Never kept:
 * passwords, files, hidden inputs (the CSRF token) and any field marked data-draft-ignore.
 *
 * The copy is dropped only when the server confirms the save: the next page carries an element
 * with data-draft-saved="KEY" (brightspots.drafts.draft_saved). Submitting alone does not drop it,
 * because the submission may fail. Copies are stored per user (data-draft-owner on <body>), so
 * a colleague on a shared computer never sees them, and are forgotten after MAX_AGE_DAYS.
 */
(function () {
  "use strict";

  const PREFIX = "brightspots:draft:";
  const SAVE_DELAY_MS = 400;
  const MAX_AGE_DAYS = 14;
  const NEVER_KEPT = new Set(["password", "file", "hidden", "submit", "button", "reset", "image"]);

  function storageKey(key) {
    const owner = document.body.dataset.draftOwner || "anonymous";
    return PREFIX + owner + ":" + key;
  }

  // localStorage throws when it is disabled or full: drafts are a help, never a failure.
  function load(key) {
    try {
      const draft = JSON.parse(window.localStorage.getItem(storageKey(key)));
      const maxAgeMs = MAX_AGE_DAYS * 24 * 3600 * 1000;
      if (draft && draft.values && Date.now() - draft.savedAt < maxAgeMs) {
        return draft.values;
      }
    } catch (error) {
      /* no usable draft */
    }
    return null;
  }

  function store(key, values) {
    try {
      window.localStorage.setItem(storageKey(key), JSON.stringify({ savedAt: Date.now(), values }));
    } catch (error) {
      /* storage unavailable: the form still works, without a draft */
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(storageKey(key));
    } catch (error) {
      /* nothing to forget */
    }
  }

  function keptFields(form) {
    return Array.from(form.elements).filter(function (field) {
      if (!field.name || "draftIgnore" in field.dataset) return false;
      if (field.tagName === "TEXTAREA" || field.tagName === "SELECT") return true;
      return field.tagName === "INPUT" && !NEVER_KEPT.has(field.type);
    });
  }

  // A field's place in the draft: its name, plus its value for check boxes and radio buttons
  // (several share one name), plus a counter when a name repeats.
  function fieldIds(fields) {
    const seen = {};
    return fields.map(function (field) {
      let id = field.name;
      if (field.type === "checkbox" || field.type === "radio") id += "=" + field.value;
      seen[id] = (seen[id] || 0) + 1;
      return seen[id] > 1 ? id + "#" + seen[id] : id;
    });
  }

  function readValues(form) {
    const fields = keptFields(form);
    const ids = fieldIds(fields);
    const values = {};
    fields.forEach(function (field, index) {
      if (field.type === "checkbox" || field.type === "radio") {
        values[ids[index]] = field.checked;
      } else if (field.type === "select-multiple") {
        values[ids[index]] = Array.from(field.selectedOptions, (option) => option.value);
      } else {
        values[ids[index]] = field.value;
      }
    });
    return values;
  }

  function writeValues(form, values) {
    const fields = keptFields(form);
    const ids = fieldIds(fields);
    fields.forEach(function (field, index) {
      if (!(ids[index] in values)) return;
      const value = values[ids[index]];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = value === true;
      } else if (field.type === "select-multiple") {
        Array.from(field.options).forEach((option) => {
          option.selected = Array.isArray(value) && value.includes(option.value);
        });
      } else {
        field.value = value;
      }
    });
  }

  function differs(draft, rendered) {
    return Object.keys(draft).some(
      (id) => id in rendered && JSON.stringify(draft[id]) !== JSON.stringify(rendered[id]),
    );
  }

  function showNotice(form, onDiscard) {
    const template = document.getElementById("draft-restored-notice");
    if (!template) return;
    const notice = template.content.firstElementChild.cloneNode(true);
    notice.querySelector("[data-draft-discard]").addEventListener("click", function () {
      onDiscard();
      notice.remove();
    });
    form.parentNode.insertBefore(notice, form);
  }

  function keepDraft(form) {
    const key = form.dataset.draftKey;
    const rendered = readValues(form);
    let timer = null;
    const draft = load(key);
    if (draft && differs(draft, rendered)) {
      writeValues(form, draft);
      showNotice(form, function () {
        clearTimeout(timer);
        timer = null;
        writeValues(form, rendered);
        forget(key);
      });
    }
    // A draft equal to the page is kept all the same: a form sent back with errors shows the
    // typed text, but the server has not saved it yet.

    function saveNow() {
      clearTimeout(timer);
      timer = null;
      store(key, readValues(form));
    }
    function saveSoon() {
      clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    }
    form.addEventListener("input", saveSoon);
    form.addEventListener("change", saveSoon);
    // Typing and pressing Enter within the delay, or leaving the page, must not lose the last words.
    form.addEventListener("submit", function () {
      if (timer !== null) saveNow();
    });
    window.addEventListener("pagehide", function () {
      if (timer !== null) saveNow();
    });
  }

  function start() {
    document.querySelectorAll("[data-draft-saved]").forEach(function (element) {
      forget(element.dataset.draftSaved);
    });
    document.querySelectorAll("form[data-draft-key]").forEach(keepDraft);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
