package vn.motcua.calendar;

/** A calendar file that cannot be used, naming the file and the line so that an administrator can fix it. */
public class CalendarError extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final String problem;

    CalendarError(String source, int line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
