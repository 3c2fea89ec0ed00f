package vn.motcua.tracking;

import java.util.List;

/** The procedure's model as BPMN XML and the elements where the dossier is now (or where it ended). */
record Diagram(String xml, List<String> current) {}
