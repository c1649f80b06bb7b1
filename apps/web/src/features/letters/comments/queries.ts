import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import type { components } from '../../../api/schema';

type AddComment = components['schemas']['AddCommentDto'];

const commentsKey = (lid: string) => ['letters', lid, 'comments'] as const;

/** A letter's comments, open ones first (the API's order). */
export function useComments(lid: string) {
  return useQuery({
    queryKey: commentsKey(lid),
    queryFn: () => ok(api.GET('/api/letters/{lid}/comments', { params: { path: { lid } } })),
  });
}

export function useAddComment(lid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddComment) =>
      ok(api.POST('/api/letters/{lid}/comments', { params: { path: { lid } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(lid) }),
  });
}

/** Resolves or reopens one comment; the list is read again, since the order changes. */
export function useResolveComment(lid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, resolve }: { commentId: string; resolve: boolean }) => {
      const params = { params: { path: { lid, commentId } } };
      return ok(
        resolve
          ? api.POST('/api/letters/{lid}/comments/{commentId}/resolve', params)
          : api.POST('/api/letters/{lid}/comments/{commentId}/reopen', params),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(lid) }),
  });
}
