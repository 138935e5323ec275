// The only script of the dashboard: show the chosen bundle file's name (the page works without it).
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("berkas");
  const name = document.getElementById("berkas-nama");
  if (input && name) {
    input.addEventListener("change", () => {
      name.textContent = input.files.length ? input.files[0].name : "Belum ada berkas dipilih.";
    });
  }
});
