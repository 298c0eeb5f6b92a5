// The height listener a partner pastes beside the widget's iframe (crates/nec-core/src/widget_options/snippets.rs
// writes it, with the site's origin and the message type in place of the two placeholders, and
// without these comment lines): it trusts only messages from the site's origin coming from one of
// its own embedded frames, and bounds the height.
addEventListener('message', (event) => {
  if (event.origin !== '__SITE__' || event.data?.type !== '__MESSAGE__') return;
  const height = Math.min(Math.max(Number(event.data.height) || 0, 100), 20000);
  for (const frame of document.querySelectorAll('iframe[src^="__SITE__/embed/"]')) {
    if (frame.contentWindow === event.source) frame.style.height = height + 'px';
  }
});
