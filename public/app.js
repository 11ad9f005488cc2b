// Progressive enhancement only: every page and form works without this file.
// No inline scripts anywhere (the Content-Security-Policy forbids them), so behaviour lives here.

/** Adds "That is … where you are." after each deadline shown in the program's time zone. */
const showLocalTimes = (root) => {
  let readerZone;
  try {
    readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  const format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  for (const element of root.querySelectorAll('time[data-time-zone][data-local-label]')) {
    if (!readerZone || element.dataset.timeZone === readerZone) continue;
    if (element.nextElementSibling?.classList.contains('local-time')) continue;
    const at = new Date(element.getAttribute('datetime') ?? '');
    if (Number.isNaN(at.getTime())) continue;
    const note = document.createElement('span');
    note.className = 'local-time';
    note.textContent = ` ${element.dataset.localLabel.replace('{time}', format.format(at))}`;
    element.after(note);
  }
};

// htmx requests carry the CSRF token as a header (the body's hx-headers does the same; this also
// covers requests htmx makes from elements outside <body>).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  if (token && !event.detail.headers['X-CSRF-Token']) event.detail.headers['X-CSRF-Token'] = token;
});

document.addEventListener('htmx:afterSettle', (event) => showLocalTimes(event.target));

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => showLocalTimes(document));
} else {
  showLocalTimes(document);
}

// "Select all on this page" ticks every row of its form; ticking rows by hand keeps it in step.
// Without JavaScript the server reads the same box and acts on every application of the page.
const syncSelectAll = (form, group) => {
  const all = form.querySelector(`input[data-select-all="${group}"]`);
  const rows = [...form.querySelectorAll(`input[data-select="${group}"]`)];
  if (!all || rows.length === 0) return;
  all.checked = rows.every((row) => row.checked);
  all.indeterminate = !all.checked && rows.some((row) => row.checked);
};

document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !box.form) return;
  if (box.dataset.selectAll) {
    for (const row of box.form.querySelectorAll(`input[data-select="${box.dataset.selectAll}"]`)) {
      row.checked = box.checked;
    }
  } else if (box.dataset.select) {
    syncSelectAll(box.form, box.dataset.select);
  }
});

const syncAllSelectAlls = (root) => {
  for (const all of root.querySelectorAll('input[data-select-all]')) {
    if (all.form) syncSelectAll(all.form, all.dataset.selectAll);
  }
};
document.addEventListener('htmx:afterSettle', (event) => syncAllSelectAlls(event.target));
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => syncAllSelectAlls(document));
} else {
  syncAllSelectAlls(document);
}
