package io.boxwork.app.transfer;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Display-only converters for choice boxes (nothing is ever typed back). */
final class Converters {
    private Converters() {
    }

    static <T> StringConverter<T> of(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
