/**
 * HTTP conventions every module follows: errors as RFC 9457 problem details carrying a message in Vietnamese and in
 * English, so that a person reading the response understands what to change.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.api;
