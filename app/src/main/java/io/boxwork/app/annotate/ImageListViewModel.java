package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** The image list: every image with its status, a status filter, a search box and counts. */
public final class ImageListViewModel {
    private final ObservableList<ImageEntry> all = FXCollections.observableArrayList();
    private final FilteredList<ImageEntry> shown = new FilteredList<>(all, e -> true);
    /** {@code null} shows every status. */
    private final ObjectProperty<ImageStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");

    public ImageListViewModel(List<String> paths) {
        List<ImageEntry> entries = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) entries.add(new ImageEntry(i, paths.get(i), ImageStatus.TODO));
        all.setAll(entries);
        statusFilter.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        recount();
    }

    public ObservableList<ImageEntry> all() {
        return all;
    }

    public FilteredList<ImageEntry> shown() {
        return shown;
    }

    public ObjectProperty<ImageStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public int size() {
        return all.size();
    }

    public String path(int index) {
        return all.get(index).path();
    }

    public ImageStatus status(int index) {
        return all.get(index).status();
    }

    public void setStatus(int index, ImageStatus status) {
        ImageEntry e = all.get(index);
        if (e.status() == status) return;
        all.set(index, e.withStatus(status));
        recount();
    }

    /** Sets many statuses at once (after the background scan at open), with one recount. */
    public void setStatuses(Map<Integer, ImageStatus> statuses) {
        List<ImageEntry> next = new ArrayList<>(all);
        statuses.forEach((i, s) -> next.set(i, next.get(i).withStatus(s)));
        all.setAll(next);
        recount();
    }

    /** The next image after {@code from} (wrapping around) whose status is todo. */
    public OptionalInt nextTodo(int from) {
        int n = all.size();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + k, n);
            if (all.get(i).status() == ImageStatus.TODO) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    private void refilter() {
        ImageStatus s = statusFilter.get();
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(e -> (s == null || e.status() == s) && (q.isEmpty() || e.path().toLowerCase(Locale.ROOT).contains(q)));
    }

    private void recount() {
        Map<ImageStatus, Integer> c = new EnumMap<>(ImageStatus.class);
        for (ImageEntry e : all) c.merge(e.status(), 1, Integer::sum);
        counts.set(all.size() + " images · " + c.getOrDefault(ImageStatus.TODO, 0) + " todo · "
            + c.getOrDefault(ImageStatus.DONE, 0) + " done · " + c.getOrDefault(ImageStatus.REVIEWED, 0) + " reviewed");
    }
}
