// CFDS recording player: resumes where the viewer left off and reports progress every 15 s,
// on pause and at the end. The progress URL comes from the page (it carries the session token
// where the platform's iframe blocks cookies).
(function () {
  'use strict';
  var video = document.getElementById('series-video');
  if (!video) {
    return;
  }
  var url = video.getAttribute('data-progress-url');
  var resume = parseFloat(video.getAttribute('data-resume') || '0');
  var problem = document.getElementById('series-save-problem');
  var lastSent = -1;

  video.addEventListener('loadedmetadata', function () {
    if (resume > 0 && resume < video.duration - 5) {
      video.currentTime = resume;
    }
  });

  function report(leaving) {
    var duration = video.duration;
    if (!isFinite(duration) || duration <= 0) {
      return;
    }
    var position = Math.min(video.currentTime, duration);
    if (Math.floor(position) === lastSent && !video.ended) {
      return;
    }
    lastSent = Math.floor(position);
    var body = new URLSearchParams({ position: position.toFixed(1), duration: duration.toFixed(1) });
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(url, body);
      return;
    }
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', keepalive: true })
      .then(function (response) {
        if (problem) {
          problem.hidden = response.ok;
        }
      })
      .catch(function () {
        lastSent = -1;
        if (problem) {
          problem.hidden = false;
        }
      });
  }

  setInterval(function () {
    if (!video.paused && !video.ended) {
      report(false);
    }
  }, 15000);
  video.addEventListener('pause', function () { report(false); });
  video.addEventListener('ended', function () { report(false); });
  window.addEventListener('pagehide', function () { report(true); });
})();
