package vn.motcua.catalog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Folds the search text of procedures that a migration (or an operator's SQL) wrote without it, once the migrations
 * have run: the import writes its own. Idempotent, so every node of a cluster may run it.
 */
@Component
class SearchTextFill implements ApplicationRunner {

    private final SearchMapper search;

    SearchTextFill(SearchMapper search) {
        this.search = search;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        fill();
    }

    int fill() {
        int filled = 0;
        for (SearchMapper.Unfolded row : search.unfolded()) {
            filled += search.fold(row.code(), SearchText.of(row.code(), row.name(), row.sector()));
        }
        if (filled > 0) {
            search.changed();
        }
        return filled;
    }
}
