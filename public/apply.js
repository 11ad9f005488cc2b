// The application form, enhanced: a time zone suggested from the browser (or the chosen country)
// and a live countdown to the deadline. The form works the same without this file.

const zoneSelect = document.querySelector('[data-application-form] select[name="timeZone"]');
const countrySelect = document.querySelector('[data-application-form] select[data-country-select]');

const hasOption = (select, value) => Array.from(select.options).some((option) => option.value === value);

if (zoneSelect) {
  let touched = zoneSelect.value !== '';
  zoneSelect.addEventListener('change', () => {
    touched = true;
  });
  if (!touched) {
    let browserZone;
    try {
      browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      browserZone = undefined;
    }
    // Browsers may report an older name (Asia/Calcutta) for a zone the list holds under its current
    // name (Asia/Kolkata): look for the option the browser resolves to the same zone.
    const sameZone = (name) => {
      try {
        return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
      } catch {
        return undefined;
      }
    };
    let candidate = browserZone && hasOption(zoneSelect, browserZone) ? browserZone : undefined;
    if (browserZone && !candidate) {
      const wanted = sameZone(browserZone);
      candidate = Array.from(zoneSelect.options).find(
        (option) => option.value !== '' && sameZone(option.value) === wanted,
      )?.value;
    }
    if (candidate) zoneSelect.value = candidate;
  }
  if (countrySelect) {
    countrySelect.addEventListener('change', () => {
      if (touched) return;
      const zone = countrySelect.selectedOptions[0]?.dataset.timeZone;
      if (zone && hasOption(zoneSelect, zone)) zoneSelect.value = zone;
    });
  }
}

/** "Applications close in 3 days and 4 hours." — refreshed every minute. */
const countdowns = document.querySelectorAll('[data-deadline]');
const renderCountdowns = () => {
  for (const element of countdowns) {
    const deadline = new Date(element.dataset.deadline ?? '');
    if (Number.isNaN(deadline.getTime())) continue;
    const minutesLeft = Math.floor((deadline.getTime() - Date.now()) / 60000);
    if (minutesLeft <= 0) {
      element.textContent = element.dataset.labelClosed ?? '';
      continue;
    }
    const days = Math.floor(minutesLeft / 1440);
    const hours = Math.floor((minutesLeft % 1440) / 60);
    const minutes = minutesLeft % 60;
    element.textContent =
      days > 0
        ? (element.dataset.labelDays ?? '').replace('{days}', String(days)).replace('{hours}', String(hours))
        : (element.dataset.labelHours ?? '')
            .replace('{hours}', String(hours))
            .replace('{minutes}', String(minutes));
  }
};
if (countdowns.length > 0) {
  renderCountdowns();
  setInterval(renderCountdowns, 60_000);
}
