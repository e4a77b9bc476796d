// Parameters of a decision on dues: show only the figures of the chosen kind of decision
// (a rate: amount and first fiscal year; fiscal years assessed: first, last, associates).
// The server ignores the other kinds' figures (assemblies/admin/effect_forms.py).
(function () {
  "use strict";
  var kind = document.getElementById("id_kind");
  var figures = document.querySelectorAll("[data-for-kind]");
  if (!kind || !figures.length) { return; }

  function update() {
    figures.forEach(function (field) {
      field.closest("div").hidden = field.dataset.forKind !== kind.value;
    });
  }

  kind.addEventListener("change", update);
  update();
}());
