/*
 * Tables wider than the course frame scroll sideways (narrow frames, phones). A scrolling
 * region must be reachable by keyboard (WCAG 2.1.1): each table, or table wrapper, that
 * scrolls gets tabindex="0" (and a wrapper the role and name of a region, from its caption),
 * and loses them again when it no longer scrolls.
 */
(function () {
  'use strict';

  function mark() {
    document.querySelectorAll('main table, main .table-scroll').forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('data-scroll-region', '');
        if (el.tagName !== 'TABLE') {
          el.setAttribute('role', 'region');
          var caption = el.querySelector('caption');
          if (caption && !el.hasAttribute('aria-label')) {
            el.setAttribute('aria-label', caption.textContent.replace(/\s+/g, ' ').trim());
          }
        }
      }
      else if (!scrolls && el.hasAttribute('data-scroll-region')) {
        ['tabindex', 'data-scroll-region', 'role', 'aria-label'].forEach(function (name) { el.removeAttribute(name); });
      }
    });
  }

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(mark, 150);
  });
  mark();
})();
