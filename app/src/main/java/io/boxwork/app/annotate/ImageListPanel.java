package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageStatus;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The image list: search, status filter, counts; clicking a row opens that image. */
public final class ImageListPanel extends VBox {
    private final ListView<ImageEntry> list = new ListView<>();

    public ImageListPanel(AnnotateViewModel vm) {
        ImageListViewModel model = vm.imageList();
        setId("image-list-panel");
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(240);
        setMinWidth(160);

        Label title = new Label("Images");
        title.setStyle("-fx-font-weight: bold;");
        TextField search = new TextField();
        search.setId("image-search");
        search.setPromptText("Search file names");
        search.textProperty().bindBidirectional(model.searchProperty());
        ChoiceBox<ImageStatus> filter = new ChoiceBox<>();
        filter.setId("status-filter");
        filter.getItems().addAll(null, ImageStatus.TODO, ImageStatus.DONE, ImageStatus.REVIEWED);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageStatus s) {
                return s == null ? "All statuses" : s.jsonName();
            }

            @Override
            public ImageStatus fromString(String s) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(model.statusFilterProperty());
        filter.setMaxWidth(Double.MAX_VALUE);
        Label counts = new Label();
        counts.setId("image-counts");
        counts.setWrapText(true);
        counts.textProperty().bind(model.countsProperty());

        list.setId("image-list");
        list.setItems(model.shown());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ImageEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                String mark = switch (e.status()) {
                    case TODO -> "○ ";
                    case DONE -> "● ";
                    case REVIEWED -> "◆ ";
                };
                setText(mark + e.path());
                setStyle(e.index() == vm.indexProperty().get() ? "-fx-font-weight: bold;" : "");
            }
        });
        list.setOnMouseClicked(e -> {
            ImageEntry picked = list.getSelectionModel().getSelectedItem();
            if (picked != null && picked.index() != vm.indexProperty().get()) vm.open(picked.index());
        });
        vm.indexProperty().addListener((o, a, b) -> followCurrent(vm));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, search, filter, counts, list);
    }

    private void followCurrent(AnnotateViewModel vm) {
        int i = vm.indexProperty().get();
        for (int k = 0; k < list.getItems().size(); k++) {
            if (list.getItems().get(k).index() == i) {
                list.getSelectionModel().select(k);
                list.scrollTo(Math.max(0, k - 3));
                list.refresh();
                return;
            }
        }
        list.getSelectionModel().clearSelection();
        list.refresh();
    }
}
