// Whether the studio's worker has answered a request after the
// arguments[0]th and holds the newest text (`data-studio`: asked,
// answered, idle).
const [asked, done, idle] = (document.documentElement.dataset.studio || '').split(' ').map(Number);
return idle === 1 && done === asked && asked > arguments[0];
