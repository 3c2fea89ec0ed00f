/**
 * An emulator of the national public service portal (DVCQG), run as a separate process for tests and demos, never part
 * of the application (no Spring annotations): the {@code dvcqg-2019} wire contract of the link, strictly checked, and
 * a control API. Its catalogue, {@code nationalportal/emulator-catalogue.json}, repeats the demo catalogue (db/demo)
 * in the shape of domain.md §8; the sector codes ({@code MALINHVUC}), the channel codes ({@code KENH} 1 trực tiếp,
 * 2 trực tuyến, 3 bưu chính), results and legal bases are ours where our catalogue has none, and it adds one procedure
 * ours lacks (1.000656 Đăng ký khai tử).
 */
package vn.motcua.nationalportal.emulator;
