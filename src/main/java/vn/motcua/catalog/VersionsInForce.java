package vn.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes procedure versions and makes {@code catalog_procedure} (what the catalogue lists and searches) hold the
 * version in force: at once for a version in force on import, and within ten minutes of the day one comes in force.
 */
@Component
class VersionsInForce {

    private final VersionMapper versions;
    private final SearchMapper search;
    private final Clock clock;

    VersionsInForce(VersionMapper versions, SearchMapper search, Clock clock) {
        this.versions = versions;
        this.search = search;
        this.clock = clock;
    }

    /** Keeps the version {@code catalog_procedure} holds as a version, when no version row has it yet. */
    void keepLive(String code, int liveVersion) {
        if (versions.find(code, liveVersion).isEmpty()) {
            versions.keepLive(code);
            versions.keepLiveComponents(code);
            versions.keepLiveStepBudgets(code);
        }
    }

    void add(Procedure procedure, Map<String, String> stepBudgets, Long importId) {
        versions.insert(procedure, importId);
        if (!procedure.components().isEmpty()) {
            versions.insertComponents(procedure);
        }
        if (!stepBudgets.isEmpty()) {
            versions.insertStepBudgets(procedure, stepBudgets);
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @SchedulerLock(name = "catalog-versions-in-force", lockAtMostFor = "PT5M")
    @Transactional
    public void promoteDue() {
        promoteDue(LocalDate.now(clock));
    }

    void promoteDue(LocalDate day) {
        List<VersionMapper.Due> dueNow = versions.due(day);
        if (!dueNow.isEmpty()) {
            search.changed();
        }
        for (VersionMapper.Due due : dueNow) {
            Procedure version = versions.find(due.code(), due.version())
                    .orElseThrow()
                    .with(versions.components(due.code(), due.version()));
            SearchText.Folded folded = SearchText.of(version.code(), version.name(), version.sector());
            if (versions.updateLive(version, folded) == 0) {
                versions.insertLive(version, folded);
            }
            versions.deleteLiveComponents(due.code());
            versions.deleteLiveStepBudgets(due.code());
            versions.copyComponentsToLive(due.code(), due.version());
            versions.copyStepBudgetsToLive(due.code(), due.version());
        }
    }
}
