/*
 * Cổng thông tin Xã hội học tập — tự co giãn khung nhúng (tùy chọn).
 * Sets the height of this portal's iframes on the page to their content's height, from the
 * messages the embed pages post. Only messages whose source is one of those iframes and whose
 * origin is the iframe's (and this script's) origin are used. Understands the common formats:
 * {type:'embed-size'|'resize', height} or {height} (objects or JSON strings, e.g. Embedly's
 * {context:'iframe.resize', height}), Pym.js 'pymxPYMx<id>xPYMxheightxPYMx<h>' and
 * iframe-resizer '[iFrameSizer]<id>:<height>:<width>:<type>'.
 */
;(function () {
  var script = document.currentScript
  if (!script || window.__nhungCoGian) return
  window.__nhungCoGian = true
  var portal = new URL(script.src, location.href).origin

  function heightOf(data) {
    if (typeof data === 'string') {
      var m = /^pymxPYMx.*xPYMxheightxPYMx(\d+(?:\.\d+)?)$/.exec(data) || /^\[iFrameSizer\][^:]*:(\d+(?:\.\d+)?):/.exec(data)
      if (m) return Number(m[1])
      if (data.charAt(0) !== '{') return null
      try {
        data = JSON.parse(data)
      } catch (e) {
        return null
      }
    }
    var h = data && typeof data === 'object' ? Number(data.height) : NaN
    return h > 0 && h < 20000 ? h : null
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== portal) return
    var height = heightOf(event.data)
    if (!height) return
    var frames = document.getElementsByTagName('iframe')
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i]
      if (frame.contentWindow !== event.source) continue
      if (new URL(frame.src, location.href).origin !== event.origin) return
      frame.style.height = Math.ceil(height) + 'px'
      frame.setAttribute('height', String(Math.ceil(height)))
      return
    }
  })
})()
