/* Clearing a stopped zone's RAM, the longest part of a stop (768 MiB take
 * about a second under QEMU). The CPU that releases the zone clears it in
 * 2 MiB chunks, and a CPU waiting for the stop in zone_shutdown takes
 * chunks too instead of spinning idle. */
#ifndef RAM_CLEAR_H
#define RAM_CLEAR_H

#include <stdint.h>

#include <tessera/zone_config.h>

struct ram_clear {
	/* The zone's generation (low 8 bits), the job's chunk count and the next
	 * chunk to take, in one word so that a chunk is only ever taken from the
	 * job it belongs to. Zero (a reused slot, one aligned store of memset's
	 * word path) is a job of no chunks. */
	uint64_t claim;
	uint64_t done; /* chunks cleared and cleaned */
};

/* On the CPU releasing the zone of `config` and `generation`: clears all its
 * RAM regions, returning once every chunk, whoever took it, is cleared and
 * cleaned to the point of coherency. */
void ram_clear_run(struct ram_clear *job, const struct zone_config *config,
		   uint32_t generation);

/* On a CPU waiting for the zone of `generation` to stop: takes chunks while
 * that zone's clear has some left. */
void ram_clear_help(struct ram_clear *job, const struct zone_config *config,
		    uint32_t generation);

#endif
