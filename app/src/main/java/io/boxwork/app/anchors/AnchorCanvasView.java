package io.boxwork.app.anchors;

import io.boxwork.app.canvas.Viewport;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The model's view of the chosen image: fits the padded input to the view, follows the mouse to
 * the grid cell under it (the cell stays when the mouse leaves, so its anchors can be watched while
 * editing the settings), zooms with the wheel, pans with a drag, and double-click fits again.
 * Redraws at once on every change of the view-model; nothing here waits for the coverage thread.
 */
public final class AnchorCanvasView extends Region {
    private final AnchorsViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyObjectWrapper<OverlayFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame", OverlayFrame.EMPTY);
    private Viewport viewport = Viewport.identity();
    private boolean fitted;
    private double dragX;
    private double dragY;

    public AnchorCanvasView(AnchorsViewModel vm) {
        this.vm = vm;
        setId("anchor-canvas");
        setMinSize(200, 200);
        getChildren().add(canvas);
        setStyle("-fx-background-color: #202124;");
        for (Observable o : new Observable[] {vm.geometryProperty(), vm.pictureProperty(), vm.labelsProperty(), vm.levelProperty(),
            vm.hoverProperty(), vm.wholeImageSizeProperty(), vm.highlightProperty()}) {
            o.addListener(x -> redraw());
        }
        vm.geometryProperty().addListener((o, a, b) -> {
            // A new padded size (other min / max size, other image) refits; editing anchors keeps the zoom.
            if (a == null || b == null || a.image().paddedWidth() != b.image().paddedWidth()
                || a.image().paddedHeight() != b.image().paddedHeight()) {
                fitted = false;
                requestLayout();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> vm.hoverAt(viewport.imageX(e.getX()), viewport.imageY(e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            viewport = viewport.panBy(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) fit();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            viewport = viewport.zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.25 : 0.8);
            vm.hoverAt(viewport.imageX(e.getX()), viewport.imageY(e.getY()));
            redraw();
        });
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            fitted = false;
        }
        if (!fitted) fit();
        else redraw();
    }

    /** Shows the whole padded input. */
    public void fit() {
        AnchorGeometry g = vm.geometryProperty().get();
        if (g != null && getWidth() > 0 && getHeight() > 0) {
            viewport = Viewport.fit(g.image().paddedWidth(), g.image().paddedHeight(), getWidth(), getHeight());
            fitted = true;
        }
        redraw();
    }

    private void redraw() {
        OverlayState s = new OverlayState(vm.geometryProperty().get(), vm.pictureProperty().get(), vm.labelsProperty().get(),
            vm.levelProperty().get(), vm.hoverProperty().get(), vm.wholeImageSizeProperty().get(), vm.highlightProperty().get(),
            vm::colour);
        frame.set(AnchorOverlayPainter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), viewport, s));
    }

    public Viewport viewport() {
        return viewport;
    }

    /** What the last redraw drew. */
    public ReadOnlyObjectProperty<OverlayFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Canvas canvas() {
        return canvas;
    }
}
