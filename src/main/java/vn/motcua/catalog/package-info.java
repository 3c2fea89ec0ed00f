/**
 * The procedure catalogue (code, agency, legal time, fee, required components, online level, the BPMN process that
 * runs it, the departments it is routed to) and the agency registry. Procedures are data: most share a template model.
 */
package vn.motcua.catalog;
