package vn.motcua.catalog;

import java.time.LocalDateTime;

/**
 * The department group that does the steps of one role of a procedure at an agency; procedure {@code *} is the agency's
 * default for the role.
 */
public record DepartmentRoute(
        String agencyCode,
        String procedureCode,
        String role,
        String groupId,
        String changedBy,
        LocalDateTime changedAt) {}
