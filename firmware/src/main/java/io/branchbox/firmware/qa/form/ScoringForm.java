package io.branchbox.firmware.qa.form;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a scoring form. A form is never edited in place: a change is a new
 * {@code version} of the same {@code id}, and every score names the version it was given with,
 * so old scores keep meaning what they meant.
 *
 * @param id               stable identifier ({@code hotline-95598})
 * @param version          1, 2, ... per id
 * @param nameZh           the form's name in Chinese
 * @param nameEn           the form's name in English
 * @param commentBelow     a total under this many points needs the inspector's comment
 * @param sections         the sections in order, each with its items
 */
public record ScoringForm(String id, int version, String nameZh, String nameEn, int commentBelow,
        List<Section> sections) {

    /** A group of items ("greeting and identification"). */
    public record Section(String id, String nameZh, String nameEn, List<Item> items) {
        public Section {
            Objects.requireNonNull(id, "id");
            items = List.copyOf(items);
        }
    }

    /**
     * One item. A normal item scores 0..{@code points}. A fatal item has 0 points and, when
     * marked, zeroes the whole score (rudeness, disclosure of customer data, harmful wrong
     * information).
     */
    public record Item(String id, String nameZh, String nameEn, int points, boolean fatal) {
        public Item {
            Objects.requireNonNull(id, "id");
            if (points < 0 || fatal && points != 0) {
                throw new IllegalArgumentException("item " + id + ": points 0.. for normal items, 0 for fatal ones");
            }
        }
    }

    public ScoringForm {
        Objects.requireNonNull(id, "id");
        sections = List.copyOf(sections);
        if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("form id '" + id + "': lower-case letters, digits and '-'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("form version from 1");
        }
        Set<String> ids = new HashSet<>();
        for (Section s : sections) {
            for (Item i : s.items()) {
                if (!ids.add(i.id())) {
                    throw new IllegalArgumentException("item " + i.id() + " appears twice");
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a form needs at least one item");
        }
    }

    /** The most points a call can get. */
    public int maxPoints() {
        return items().stream().mapToInt(Item::points).sum();
    }

    /** Every item in order. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Optional<Item> item(String itemId) {
        return items().stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** {@code hotline-95598@2}: how reports name a form version. */
    public String key() {
        return id + "@" + version;
    }

    /** This form as version {@code v} (a new version of the same id). */
    public ScoringForm withVersion(int v) {
        return new ScoringForm(id, v, nameZh, nameEn, commentBelow, sections);
    }
}
