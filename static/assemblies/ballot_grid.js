// Ballot grid: recount the tally as staff enter votes. The server recounts when the poll
// closes (governance.voting); this is only a preview of the same rules.
(function () {
  "use strict";
  var box = document.getElementById("live-tally");
  if (!box) { return; }
  var eligible = Number(box.dataset.eligible);
  var present = Number(box.dataset.present);
  var threshold = box.dataset.threshold;
  var quorum = Math.floor(eligible / 2) + 1;

  function needed(cast) {
    if (threshold === "two_thirds_present") { return Math.ceil((2 * present) / 3); }
    if (threshold === "majority_present") { return Math.floor(present / 2) + 1; }
    return Math.floor(cast / 2) + 1;
  }

  function update() {
    var counts = { yes: 0, no: 0, abstain: 0 };
    document.querySelectorAll("select[data-ballot]").forEach(function (select) {
      if (Object.prototype.hasOwnProperty.call(counts, select.value)) { counts[select.value] += 1; }
    });
    Object.keys(counts).forEach(function (key) {
      box.querySelector('[data-count="' + key + '"]').textContent = counts[key];
    });
    var need = needed(counts.yes + counts.no);
    box.querySelector("[data-needed]").textContent = need;
    var label = present < quorum ? box.dataset.labelNoQuorum
      : (counts.yes >= need ? box.dataset.labelAdopted : box.dataset.labelRejected);
    var strong = document.createElement("strong");
    strong.textContent = label;
    box.querySelector("[data-outcome]").replaceChildren(strong);
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-ballot]")) { update(); }
  });
})();
