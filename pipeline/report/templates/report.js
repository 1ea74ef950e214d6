/* Pagination and filtering of long tables; which page (overview or one document) is open.
   Never writes document text as HTML: only textContent and the hidden flag are touched. */
(function () {
  "use strict";

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function button(label) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    return b;
  }

  function paginate(table) {
    var size = parseInt(table.getAttribute("data-page-size"), 10) || 20;
    var body = table.tBodies[0];
    if (!body) { return; }
    var all = Array.prototype.slice.call(body.rows);
    var shown = all;
    var page = 0;
    var pager = document.createElement("div");
    pager.className = "pager";
    var prev = button("‹ Previous");
    var next = button("Next ›");
    var info = document.createElement("span");
    pager.appendChild(prev);
    pager.appendChild(info);
    pager.appendChild(next);
    table.parentNode.insertBefore(pager, table.nextSibling);

    function draw() {
      var pages = Math.max(1, Math.ceil(shown.length / size));
      page = Math.min(Math.max(page, 0), pages - 1);
      var first = page * size;
      var visible = new Set(shown.slice(first, first + size));
      all.forEach(function (row) { row.hidden = !visible.has(row); });
      info.textContent = shown.length
        ? "rows " + (first + 1) + "–" + Math.min(first + size, shown.length) + " of " + shown.length
        : "no matching row";
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      pager.hidden = all.length <= size;
    }
    prev.addEventListener("click", function () { page -= 1; draw(); });
    next.addEventListener("click", function () { page += 1; draw(); });
    table.reportFilter = function (query) {
      var q = fold(query.trim());
      shown = q ? all.filter(function (row) {
        if (!row.foldedText) { row.foldedText = fold(row.textContent); }
        return row.foldedText.indexOf(q) !== -1;
      }) : all;
      page = 0;
      draw();
    };
    draw();
  }

  var current = null;
  var unpacked = null;

  function pages() {
    // every document page, {id: markup}: gzip-compressed JSON in base64, unpacked once on first need
    if (!unpacked) {
      var source = document.getElementById("report-pages");
      var binary = atob(source ? source.textContent.trim() : "");
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacked = new Response(stream).text().then(JSON.parse);
    }
    return unpacked;
  }

  function show(target) {
    var isDoc = !!(target && target.classList.contains("page"));
    if (current && current !== target) { current.classList.remove("current"); }
    current = isDoc ? target : null;
    document.body.classList.toggle("doc-open", isDoc);
    if (isDoc) {
      target.classList.add("current");
      window.scrollTo(0, 0);
    } else if (target) {
      if (target.tagName === "TR") {
        // an entity or theme row: open the list of its documents
        var details = target.querySelector("details");
        if (details) { details.open = true; }
      }
      target.scrollIntoView();
    }
  }

  function wanted() {
    return decodeURIComponent(location.hash.slice(1));
  }

  function openPage() {
    var id = wanted();
    var target = id ? document.getElementById(id) : null;
    if (target || id.indexOf("doc-") !== 0) { show(target); return; }
    // a document page not built yet: its markup (escaped by the report's builder) becomes DOM once
    pages().then(function (all) {
      if (!Object.prototype.hasOwnProperty.call(all, id) || document.getElementById(id)) { return; }
      var holder = document.createElement("div");
      holder.innerHTML = all[id];
      var page = holder.firstElementChild;
      document.querySelector("main").appendChild(page);
      if (wanted() === id) { show(page); }
    }).catch(function (error) {
      var note = document.createElement("p");
      note.className = "empty";
      note.textContent = "This browser could not open the document page (" + error + ").";
      document.querySelector("main").appendChild(note);
      throw error;
    });
  }

  document.querySelectorAll("table.paged").forEach(paginate);
  document.querySelectorAll("input.filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table || !table.reportFilter) { return; }
    input.addEventListener("input", function () { table.reportFilter(input.value); });
  });
  window.addEventListener("hashchange", openPage);
  openPage();
}());
