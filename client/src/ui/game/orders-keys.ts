/**
 * The orders form's keys. Submitted orders are final, so only the Submit button and Ctrl/⌘+Enter submit.
 * Enter on a checkbox would otherwise submit the form (the browser's implicit submission); here it ticks
 * or unticks the box as Space does, through the same change the form announces.
 */
export function ordersKeys(form: HTMLFormElement): void {
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    // The catalogue is a long run of controls: a keyboard user submits without tabbing through all of it.
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    // Buttons and selects handle Enter themselves and do not submit the form.
    const target = e.target;
    if (!(target instanceof HTMLInputElement)) return;
    e.preventDefault();
    if (target.type === 'checkbox' && !target.disabled && !e.repeat) target.click();
  });
}
