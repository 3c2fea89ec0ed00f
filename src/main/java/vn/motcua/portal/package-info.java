/**
 * The public pages (catalogue, online filing, tracking, counter reception), bundled from {@code src/main/portal} with
 * form-js and bpmn-js, and the Camunda Forms they render, served by id so that the portal and Tasklist read the same
 * files in {@code forms/}.
 */
package vn.motcua.portal;
