/* The seed of jansson's hash tables, set before any JSON is parsed. */
#ifndef JSON_SEED_H
#define JSON_SEED_H

void json_seed_without_waiting(void);

#endif
