// Clicks, in the widget with the id arguments[0], the events of the ids
// arguments[1] in turn (`kwQ`: `add_widgets`).
for (const id of arguments[1]) window.kwQ(arguments[0], ".kw-event[data-event='" + id + "']").click();
