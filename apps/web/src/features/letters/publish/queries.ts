import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';
import { letterKey } from '../queries';

type Publish = components['schemas']['PublishDto'];
type Settings = components['schemas']['LetterSettingsDto'];

/** Who has signed which revision: the sign-ons a new revision reaches. */
export function useStats(lid: string, enabled: boolean) {
  return useQuery({
    queryKey: ['letters', lid, 'stats'],
    enabled,
    queryFn: () => ok(api.GET('/api/letters/{lid}/stats', { params: { path: { lid } } })),
  });
}

/**
 * The settings first (only those changed), then the publish: a refused setting stops
 * before anything is published, and both refusals name their field for the form.
 */
export function usePublish(lid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ settings, publish }: { settings: Settings | null; publish: Publish }) => {
      if (settings) {
        await ok(
          api.PATCH('/api/letters/{lid}/settings', { params: { path: { lid } }, body: settings }),
        );
      }
      return ok(
        api.POST('/api/letters/{lid}/publish', { params: { path: { lid } }, body: publish }),
      );
    },
    // Settings may have changed even when the publish was refused: read the letter again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: letterKey(lid) }),
  });
}
