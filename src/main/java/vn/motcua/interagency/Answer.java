package vn.motcua.interagency;

/**
 * What the receiving side answers to a delivery, the same in-process and over HTTP: a status, the JSON body and, for
 * an acknowledgement (200), the receiver's Ed25519 signature over that body and the id of the key that made it.
 *
 * @param outcome ACCEPTED, DUPLICATE, PARKED or REFUSED; null when it came from a peer (read {@code body} then)
 */
record Answer(int status, byte[] body, String signature, String keyId, String outcome) {

    boolean acknowledged() {
        return status == 200;
    }
}
