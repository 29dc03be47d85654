// The reader from the keyboard: panels are focusable; ArrowDown / j and ArrowUp / k move between them.
(function () {
  "use strict";
  const NEXT = new Set(["ArrowDown", "j"]);
  const PREVIOUS = new Set(["ArrowUp", "k"]);

  function panels() {
    return Array.from(document.querySelectorAll(".strip .panel-frame"));
  }

  function current(list) {
    const index = list.indexOf(document.activeElement);
    if (index >= 0) return index;
    // Not on a panel yet: start from the first one whose top is in view.
    const visible = list.findIndex((panel) => panel.getBoundingClientRect().bottom > 0);
    return visible < 0 ? -1 : visible - 1;
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const step = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
    if (!step) return;
    const list = panels();
    if (!list.length) return;
    const onPanel = list.includes(document.activeElement);
    if (!onPanel && !"jk".includes(event.key)) return; // plain arrows scroll the page until a panel has focus
    const index = Math.min(list.length - 1, Math.max(0, current(list) + step));
    event.preventDefault();
    list[index].focus();
    list[index].scrollIntoView({ block: "start", behavior: "auto" });
  });
})();
