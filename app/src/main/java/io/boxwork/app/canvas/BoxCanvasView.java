package io.boxwork.app.canvas;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.images.DecodedImage;
import io.boxwork.app.images.OrientedPlacement;
import io.boxwork.app.layers.ClassLayer;
import io.boxwork.app.layers.ImageLayer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;

import java.util.HashMap;
import java.util.Map;

/**
 * The image canvas: the picture (an ImageView placed by its EXIF orientation and the viewport,
 * with the image layer's brightness / contrast) under one Canvas on which every box is drawn.
 * It redraws from the view-model and never changes labels itself; {@link CanvasGestures} turns
 * mouse input into view-model commands.
 */
public final class BoxCanvasView extends Region {
    private final AnnotateViewModel vm;
    private final ImageView imageView = new ImageView();
    private final Canvas canvas = new Canvas();
    private final Text placeholder = new Text();
    private final ColorAdjust adjust = new ColorAdjust();
    private final BoxPainter painter = new BoxPainter();
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.identity());
    private final ObjectProperty<Preview> preview = new SimpleObjectProperty<>(this, "preview", Preview.NONE);
    /** Cursor position in image pixels, NaN when outside. */
    private final DoubleProperty cursorX = new SimpleDoubleProperty(this, "cursorX", Double.NaN);
    private final DoubleProperty cursorY = new SimpleDoubleProperty(this, "cursorY", Double.NaN);
    private final CanvasGestures gestures;
    private boolean redrawQueued;
    private String fittedImage;

    public BoxCanvasView(AnnotateViewModel vm) {
        this.vm = vm;
        getStyleClass().add("box-canvas");
        setId("box-canvas");
        setStyle("-fx-background-color: #2b2b2b;");
        setMinSize(200, 150);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        imageView.setPreserveRatio(false);
        imageView.setMouseTransparent(true);
        canvas.setMouseTransparent(true);
        placeholder.setFill(Color.gray(0.8));
        placeholder.setTextOrigin(VPos.CENTER);
        placeholder.setMouseTransparent(true);
        getChildren().addAll(imageView, canvas, placeholder);
        setFocusTraversable(true);

        ImageLayer layer = vm.layers().image();
        adjust.brightnessProperty().bind(layer.brightnessProperty());
        adjust.contrastProperty().bind(layer.contrastProperty());
        // An effect costs a full extra pass per frame in the software renderer: only while it changes something.
        javafx.beans.InvalidationListener effectSwitch = o -> imageView.setEffect(
            layer.brightnessProperty().get() == 0 && layer.contrastProperty().get() == 0 ? null : adjust);
        layer.brightnessProperty().addListener(effectSwitch);
        layer.contrastProperty().addListener(effectSwitch);
        imageView.visibleProperty().bind(layer.visibleProperty());

        vm.pictureProperty().addListener((o, a, b) -> onPicture(b));
        vm.labelsProperty().addListener((o, a, b) -> {
            fitIfNewImage(b);
            requestRedraw();
        });
        vm.selectionProperty().addListener((o, a, b) -> requestRedraw());
        vm.layers().revisionProperty().addListener((o, a, b) -> requestRedraw());
        viewport.addListener((o, a, b) -> {
            placePicture();
            requestRedraw();
        });
        preview.addListener((o, a, b) -> requestRedraw());
        widthProperty().addListener((o, a, b) -> onResize());
        heightProperty().addListener((o, a, b) -> onResize());
        gestures = new CanvasGestures(this, vm);
        gestures.install();
        updatePlaceholder();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport viewport() {
        return viewport.get();
    }

    public ObjectProperty<Preview> previewProperty() {
        return preview;
    }

    public DoubleProperty cursorXProperty() {
        return cursorX;
    }

    public DoubleProperty cursorYProperty() {
        return cursorY;
    }

    /** Space held down: a primary drag pans instead of drawing. */
    public void setPanKey(boolean down) {
        gestures.setPanKey(down);
    }

    /** Escape: drops a drag in progress; false when there was none. */
    public boolean cancelGesture() {
        if (!gestures.busy()) return false;
        gestures.cancel();
        return true;
    }

    public Canvas canvas() {
        return canvas;
    }

    public ImageView imageView() {
        return imageView;
    }

    public void fitToWindow() {
        ImageLabels l = vm.labelsProperty().get();
        DecodedImage p = vm.pictureProperty().get();
        double w = l != null ? l.width() : p != null ? p.width() : 0;
        double h = l != null ? l.height() : p != null ? p.height() : 0;
        if (w > 0 && getWidth() > 0) viewport.set(Viewport.fit(w, h, getWidth(), getHeight()));
    }

    public void zoomBy(double factor) {
        viewport.set(viewport.get().zoomAt(getWidth() / 2, getHeight() / 2, factor));
    }

    /** Draws now (the benchmark and tests call this; the UI coalesces requests to one per pulse). */
    public void redraw() {
        redrawQueued = false;
        Map<Integer, String> names = new HashMap<>();
        for (ClassLayer l : vm.layers().classes()) names.put(l.classId(), l.name());
        BoxPainter.Frame frame = new BoxPainter.Frame(vm.labelsProperty().get(), viewport.get(), canvas.getWidth(), canvas.getHeight(),
            vm.layers().colours(), names, vm.layers()::visible, vm.selection(), preview.get());
        painter.paint(canvas.getGraphicsContext2D(), frame);
        updatePlaceholder();
    }

    public void requestRedraw() {
        if (redrawQueued) return;
        redrawQueued = true;
        Platform.runLater(this::redraw);
    }

    private void onPicture(DecodedImage p) {
        imageView.setImage(p == null ? null : p.image());
        if (p != null && vm.labelsProperty().get() == null) fitIfNewImage(null);
        placePicture();
        updatePlaceholder();
    }

    private void fitIfNewImage(ImageLabels l) {
        String path = l != null ? l.imagePath() : vm.pictureProperty().get() != null ? vm.pictureProperty().get().imagePath() : null;
        if (path != null && !path.equals(fittedImage) && getWidth() > 0) {
            fittedImage = path;
            fitToWindow();
        }
    }

    private void onResize() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (fittedImage == null) fitIfNewImage(vm.labelsProperty().get());
        else fitToWindow();
        placePicture();
        requestRedraw();
    }

    private void placePicture() {
        DecodedImage p = vm.pictureProperty().get();
        if (p == null) return;
        Viewport v = viewport.get();
        OrientedPlacement o = p.placement();
        imageView.getTransforms().setAll(new Affine(
            v.zoom() * o.mxx(), v.zoom() * o.mxy(), v.zoom() * o.tx() + v.offsetX(),
            v.zoom() * o.myx(), v.zoom() * o.myy(), v.zoom() * o.ty() + v.offsetY()));
        // Zoomed in past 2 screen pixels per picture pixel, show the pixels as squares: that is what a labeller needs to see.
        double pixelsPerDecoded = v.zoom() * Math.max(Math.abs(o.mxx()) + Math.abs(o.mxy()), Math.abs(o.myx()) + Math.abs(o.myy()));
        imageView.setSmooth(pixelsPerDecoded < 2);
    }

    private void updatePlaceholder() {
        String text = "";
        if (vm.indexProperty().get() < 0) text = vm.imageList().size() == 0 ? "This project has no images yet: add some to its images folder." : "";
        else if (vm.pictureProperty().get() == null) text = "Loading…";
        placeholder.setText(text);
        placeholder.setX(Math.max(10, (getWidth() - placeholder.getLayoutBounds().getWidth()) / 2));
        placeholder.setY(getHeight() / 2);
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
        imageView.relocate(0, 0);
    }
}
