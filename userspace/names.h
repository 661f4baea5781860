/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_NAMES_H
#define LYNCEDGECTL_NAMES_H

/*
 * Words for the values of the enums in <uapi/linux/lyncedge.h>. The *_name
 * functions return "?" for a value this tool has no word for (a newer
 * module); the *_parse functions return -1 for an unknown word.
 */
const char *role_name(unsigned int role);
int role_parse(const char *word);

const char *dir_name(unsigned int dir);

const char *feature_name(unsigned int feature);
int feature_parse(const char *word);

const char *proto_name(unsigned int proto);

const char *service_name(unsigned int service);
int service_parse(const char *word);

const char *group_name(unsigned int group);
int group_parse(const char *word);

const char *mode_name(unsigned int mode);

const char *action_name(unsigned int action);
const char *reason_name(unsigned int reason);
int mode_parse(const char *word);
const char *deployment_name(unsigned int deployment);
int deployment_parse(const char *word);
const char *edition_name(unsigned int edition);
const char *edition_title(unsigned int edition);
int edition_parse(const char *word);

#endif /* LYNCEDGECTL_NAMES_H */
