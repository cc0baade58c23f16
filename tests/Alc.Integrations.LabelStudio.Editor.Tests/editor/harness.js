// The test harness around the real Label Studio editor: the tests call window.alcLoad(config, task), act on the
// page as an annotator, press Submit and read window.alcSubmitted. Nothing here changes what the editor does.
(function () {
  "use strict";

  // What an annotator of a Label Studio project sees: the side panels, the annotation and prediction menus, Submit.
  const interfaces = [
    "panel",
    "update",
    "submit",
    "controls",
    "side-column",
    "annotations:menu",
    "annotations:add-new",
    "annotations:delete",
    "predictions:menu",
  ];

  /** Shows the task with its first prediction copied into a new annotation, as Label Studio does when a prediction exists. */
  window.alcLoad = function (config, task) {
    window.alcSubmitted = null;
    window.alcReady = false;
    window.alcStore = new window.LabelStudio("editor", {
      config: config,
      interfaces: interfaces,
      user: { pk: 1, firstName: "Test", lastName: "Annotator" },
      task: task,
      onLabelStudioLoad: function (ls) {
        // The editor calls this while it is being created, before it has read the task's predictions: start the
        // annotation once the constructor has returned.
        setTimeout(function () {
          const store = ls.annotationStore;
          const prediction = store.predictions[0];
          if (prediction) {
            store.addAnnotationFromPrediction(prediction);
          } else {
            const annotation = store.addAnnotation({ userGenerate: true });
            store.selectAnnotation(annotation.id);
          }
          window.alcReady = true;
        }, 0);
      },
      onSubmitAnnotation: function (ls, annotation) {
        window.alcSubmitted = annotation.serializeAnnotation();
      },
    });
  };

  /**
   * True once the annotation is shown with the image at its natural size known and every brush mask decoded
   * (a mask's image loads asynchronously; serializing before that would read an empty canvas).
   */
  window.alcRendered = function (regionCount) {
    const store = window.alcStore && window.alcStore.annotationStore;
    const annotation = window.alcReady && store && store.selected;
    if (!annotation) return false;
    const image = store.names.get("image");
    if (!image || !image.stageRef || image.naturalWidth <= 1) return false;
    const regions = annotation.regionStore.regions;
    if (regions.length !== regionCount) return false;
    return regions.every(function (r) {
      return r.type !== "brushregion" || (r._img && r._img.complete && r._img.naturalWidth > 0);
    });
  };
})();
