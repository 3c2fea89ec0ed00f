-- interagency: Ed25519 signatures (base64, 88 characters) with the id of the key that made them, and dead letters
alter table handoff_outbox modify signature varchar(200) not null;
alter table handoff_outbox modify ack_signature varchar(200);
alter table handoff_inbox modify signature varchar(200) not null;
alter table handoff_inbox modify ack_signature varchar(200);
alter table handoff_outbox add column key_id varchar(100);
alter table handoff_outbox add column ack_key_id varchar(100);
alter table handoff_inbox add column key_id varchar(100);
alter table handoff_inbox add column ack_key_id varchar(100);
-- attempts counted towards max-attempts start again here after an operator's retry of a DEAD message
alter table handoff_outbox add column budget_from int default 0 not null;
alter table handoff_outbox add column budget_since datetime(3);
