// The address and history after the widgets ran.
return {
  state: history.state,
  path: location.pathname,
  was: new URL(window.kwAddr[0]).pathname,
  hash: location.hash,
  length: history.length
};
