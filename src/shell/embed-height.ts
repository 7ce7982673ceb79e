/**
 * An embed tells the page around it how tall it is, on load and on every resize, in the two forms
 * article systems listen for: Datawrapper's `{"datawrapper-height": {"<id>": px}}` and AMP's
 * `{sentinel: "amp", type: "embed-size", height: px}`. The id comes from `?id=` (the snippet sets
 * it), so a page with several embeds resizes the right one. Without a parent nothing is sent.
 */
export function postEmbedHeight(): () => void {
  if (window.parent === window) return () => {};
  const id = new URLSearchParams(window.location.search).get('id') ?? 'county-lines-atlas';
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(document.documentElement);
  window.addEventListener('load', send);
  send();
  return () => observer.disconnect();
}
