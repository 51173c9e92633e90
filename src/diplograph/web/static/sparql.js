// Optional comfort for the query page (it works without this): load examples in place, Ctrl+Enter runs.
document.addEventListener("DOMContentLoaded", () => {
  const textarea = document.getElementById("query");
  if (!textarea) return;
  document.querySelectorAll("a[data-query]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      textarea.value = link.dataset.query;
      textarea.focus();
    });
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) textarea.form.requestSubmit();
  });
});
