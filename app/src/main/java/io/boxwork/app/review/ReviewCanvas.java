package io.boxwork.app.review;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.app.canvas.Viewport;
import io.boxwork.app.images.DecodedImage;
import io.boxwork.app.images.ImageDecoder;
import io.boxwork.app.images.OrientedPlacement;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The picture (an ImageView, never redrawn by a slider) under an overlay canvas that
 * {@link PredictionOverlay} repaints whenever the view-model's outcome changes. Fits the image
 * to the view; a click picks the prediction under the mouse.
 */
public final class ReviewCanvas extends Region {
    private final ReviewViewModel vm;
    private final ImageView imageView = new ImageView();
    private final Canvas canvas = new Canvas();
    private final PredictionOverlay overlay = new PredictionOverlay();
    private final ImageDecoder decoder = new ImageDecoder();
    private DecodedImage picture;
    private Viewport viewport = Viewport.identity();

    public ReviewCanvas(ReviewViewModel vm) {
        this.vm = vm;
        setId("review-canvas");
        setMinSize(100, 100);
        setStyle("-fx-background-color: #202020;");
        imageView.setMouseTransparent(true);
        getChildren().addAll(imageView, canvas);
        widthProperty().addListener((o, a, b) -> layoutPicture());
        heightProperty().addListener((o, a, b) -> layoutPicture());
        vm.outcomeProperty().addListener((o, a, b) -> redraw());
        vm.labelsProperty().addListener((o, a, b) -> redraw());
        vm.selectedPredictionProperty().addListener((o, a, b) -> redraw());
        vm.currentImageProperty().addListener((o, a, b) -> load(b));
        canvas.setOnMouseClicked(e -> vm.selectedPredictionProperty().set(
            PredictionOverlay.predictionAt(vm.outcomeProperty().get(), viewport, e.getX(), e.getY())));
    }

    private void load(String path) {
        picture = null;
        imageView.setImage(null);
        layoutPicture();
        if (path == null) return;
        CompletableFuture.supplyAsync(() -> {
            try {
                return decoder.decode(path, vm.session().project().imageFile(path));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((img, err) -> Platform.runLater(() -> {
            if (!path.equals(vm.currentImageProperty().get())) return;
            if (err != null) {
                vm.messageProperty().set("Cannot show " + path + ": " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage()));
                return;
            }
            picture = img;
            imageView.setImage(img.image());
            layoutPicture();
        }));
    }

    private void layoutPicture() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        ImageLabels l = vm.labelsProperty().get();
        double w = picture != null ? picture.width() : l != null ? l.width() : 0;
        double h = picture != null ? picture.height() : l != null ? l.height() : 0;
        viewport = w > 0 && getWidth() > 0 ? Viewport.fit(w, h, getWidth(), getHeight()) : Viewport.identity();
        if (picture != null) {
            OrientedPlacement o = picture.placement();
            Viewport v = viewport;
            imageView.getTransforms().setAll(new Affine(
                v.zoom() * o.mxx(), v.zoom() * o.mxy(), v.zoom() * o.tx() + v.offsetX(),
                v.zoom() * o.myx(), v.zoom() * o.myy(), v.zoom() * o.ty() + v.offsetY()));
        }
        redraw();
    }

    /** Paints the overlay now from the view-model's current outcome (the benchmark times this). */
    public void redraw() {
        if (picture == null && vm.labelsProperty().get() != null) {
            ImageLabels l = vm.labelsProperty().get();
            if (getWidth() > 0) viewport = Viewport.fit(l.width(), l.height(), getWidth(), getHeight());
        }
        overlay.paint(canvas.getGraphicsContext2D(), new PredictionOverlay.Frame(vm.outcomeProperty().get(),
            vm.labelsProperty().get(), viewport, canvas.getWidth(), canvas.getHeight(), colours(),
            vm.selectedPredictionProperty().get()));
    }

    private Map<Integer, Color> colours() {
        Map<Integer, Color> out = new HashMap<>();
        for (LabelClass c : vm.session().project().settings().classes()) {
            out.put(c.id(), Color.web(c.color()));
        }
        return out;
    }

    public Viewport viewport() {
        return viewport;
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
        imageView.relocate(0, 0);
    }
}
