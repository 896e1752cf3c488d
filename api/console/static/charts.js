// Draws the report's three charts from the JSON the page embeds (#chart-data); the tables below the
// charts hold the same numbers, so the page is complete without JavaScript.
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var colour = "#1f5f8b", late = "#b3261e";
  var common = { responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { display: false } } };
  function draw(id, type, series, extra) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, { type: type,
      data: { labels: series.labels, datasets: [{ label: series.label, data: series.values,
        backgroundColor: extra.colour || colour, borderColor: extra.colour || colour }] },
      options: Object.assign({}, common, extra.options || {}) });
  }
  var whole = { ticks: { precision: 0 }, beginAtZero: true };  // counts: no 0.5 declarations
  draw("chart-per-day", "bar", data.perDay, { options: { scales: { y: whole } } });
  draw("chart-nationalities", "bar", data.nationalities, { options: { indexAxis: "y", scales: { x: whole } } });
  draw("chart-late-share", "bar", data.lateShare,
    { colour: late, options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } } } });
})();
