package vn.motcua.catalog;

/** An import file that cannot be read at all (not JSON, not a workbook, no header): nothing of it is checked. */
class ImportFileError extends RuntimeException {

    private final String vietnamese;

    ImportFileError(String vietnamese, String english) {
        super(english);
        this.vietnamese = vietnamese;
    }

    String vietnamese() {
        return vietnamese;
    }
}
