-- Our tables hold citizens' free text: 4-byte UTF-8 (the engine's own tables stay 3-byte utf8).
alter database character set = utf8mb4 collate = utf8mb4_unicode_ci;
