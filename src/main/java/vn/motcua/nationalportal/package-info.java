/**
 * The link with the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG; domain.md §14, documents.md
 * §4): every dossier's record and each processing step sent in order ({@link vn.motcua.nationalportal.PortalSync}
 * from {@link vn.motcua.nationalportal.SyncQueue}), dossiers filed on the portal received and filed here, the national
 * catalogue compared with ours, and the reconciliation of indicator 1.4. The portal's field names live in one versioned
 * mapping ({@link vn.motcua.nationalportal.PortalMapping}); {@code emulator} is a stand-alone emulator of the portal
 * for tests and the demo.
 */
package vn.motcua.nationalportal;
